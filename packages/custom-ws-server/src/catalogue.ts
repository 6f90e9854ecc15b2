import { z } from 'zod';
import { catalogue, eventMetaSchema, streamUserSchema } from '@vmsc/core';
import { adminAckSchemas, adminActions, adminRequestSchemas, type HelloCatalogue, type JsonSchema } from '@vmsc/core/protocol';

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

let cached: HelloCatalogue | undefined;

/**
 * The catalogue answered by `hello`: JSON Schemas generated from core's zod schemas (the StreamEvent
 * envelope, the `data` of every event type of every platform, and the request and answer of every
 * admin action). Built once, on first use.
 */
export function helloCatalogue(): HelloCatalogue {
  if (cached) return cached;
  const envelope = z.object({
    id: z.string(),
    type: z.string(),
    source: z.string(),
    timestamp: z.number(),
    user: streamUserSchema,
    data: z.record(z.string(), z.unknown()),
    meta: eventMetaSchema.optional(),
  });
  const sources: Record<string, Record<string, JsonSchema>> = {};
  for (const [platform, events] of Object.entries(catalogue)) {
    const types: Record<string, JsonSchema> = {};
    for (const [type, schema] of Object.entries(events)) types[type] = toJsonSchema(schema as z.ZodType);
    sources[platform] = types;
  }
  const admin: Record<string, { request: JsonSchema; response: JsonSchema }> = {};
  for (const action of adminActions) {
    admin[action] = { request: toJsonSchema(adminRequestSchemas[action]), response: toJsonSchema(adminAckSchemas[action], 'output') };
  }
  cached = { envelope: toJsonSchema(envelope), sources, admin };
  return cached;
}
