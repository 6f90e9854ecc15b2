import { z } from 'zod';
import { catalogue } from './catalogue/index.js';
import type { Platform, StreamEventType } from './stream-event.js';

/**
 * Lookup tables built once from the {@link catalogue}: the validating (loose: unknown extra fields
 * are kept) data schema of every platform's event type, and the candidates for custom sources.
 *
 * @packageDocumentation
 */

type LooseSchema = z.ZodType<Record<string, unknown>>;

const platformSchemas = new Map<string, Map<string, LooseSchema>>();
const schemasByType = new Map<string, LooseSchema[]>();

for (const [platform, events] of Object.entries(catalogue)) {
  const byType = new Map<string, LooseSchema>();
  for (const [type, schema] of Object.entries(events)) {
    const loose = (schema as z.ZodObject).loose() as unknown as LooseSchema;
    byType.set(type, loose);
    const list = schemasByType.get(type) ?? [];
    list.push(loose);
    schemasByType.set(type, list);
  }
  platformSchemas.set(platform, byType);
}

/** The built-in platforms, in catalogue order. */
export const platforms: readonly Platform[] = Object.keys(catalogue) as Platform[];

/** Every event type of every platform, each once, in catalogue order. */
export const eventTypes: readonly StreamEventType[] = [...schemasByType.keys()] as StreamEventType[];

/** Whether `source` is one of the built-in platforms. */
export function isPlatform(source: string): source is Platform {
  return platformSchemas.has(source);
}

/** Whether `type` is an event type of some platform in the catalogue. */
export function isStreamEventType(type: string): type is StreamEventType {
  return schemasByType.has(type);
}

/** @internal The validating schema of a platform's event type, if the platform defines it. */
export function platformDataSchema(platform: string, type: string): LooseSchema | undefined {
  return platformSchemas.get(platform)?.get(type);
}

/** @internal The data schemas an event of `type` from a custom source may match (any platform's). */
export function customDataSchemas(type: string): readonly LooseSchema[] {
  return schemasByType.get(type) ?? [];
}
