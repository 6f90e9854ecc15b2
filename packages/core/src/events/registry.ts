import type { z } from 'zod';
import { catalogue } from './catalogue/index.js';
import type { Platform, StreamEventType } from './stream-event.js';

/**
 * Lookup tables from the {@link catalogue}: which platform has which event types (from the
 * catalogue's keys, building no schema), and on first use the validating (loose: unknown extra
 * fields are kept) data schema of a platform's event type, kept for later lookups.
 *
 * @packageDocumentation
 */

type LooseSchema = z.ZodType<Record<string, unknown>>;

/** Per platform, its event types (the catalogue's keys; reading them builds nothing). */
const typesOf = new Map<string, ReadonlySet<string>>();
/** Per event type, the platforms that define it, in catalogue order. */
const platformsOf = new Map<string, string[]>();

for (const platform of Object.keys(catalogue)) {
  const types = Object.keys(catalogue[platform as Platform]);
  typesOf.set(platform, new Set(types));
  for (const type of types) {
    const list = platformsOf.get(type) ?? [];
    list.push(platform);
    platformsOf.set(type, list);
  }
}

/** The loose schemas built so far, by platform and type. */
const looseSchemas = new Map<string, LooseSchema>();

function looseSchema(platform: string, type: string): LooseSchema {
  const key = `${platform}\u0000${type}`;
  let loose = looseSchemas.get(key);
  if (!loose) {
    const schema = (catalogue[platform as Platform] as Record<string, z.ZodType>)[type] as z.ZodObject;
    loose = schema.loose() as unknown as LooseSchema;
    looseSchemas.set(key, loose);
  }
  return loose;
}

/** The loose candidates per type for custom sources, built on first use. */
const customSchemas = new Map<string, readonly LooseSchema[]>();

/** The built-in platforms, in catalogue order. */
export const platforms: readonly Platform[] = Object.keys(catalogue) as Platform[];

/** Every event type of every platform, each once, in catalogue order. */
export const eventTypes: readonly StreamEventType[] = [...platformsOf.keys()] as StreamEventType[];

/** Whether `source` is one of the built-in platforms. */
export function isPlatform(source: string): source is Platform {
  return typesOf.has(source);
}

/** Whether `type` is an event type of some platform in the catalogue. */
export function isStreamEventType(type: string): type is StreamEventType {
  return platformsOf.has(type);
}

/** @internal The validating schema of a platform's event type, if the platform defines it. */
export function platformDataSchema(platform: string, type: string): LooseSchema | undefined {
  return typesOf.get(platform)?.has(type) ? looseSchema(platform, type) : undefined;
}

/** @internal The data schemas an event of `type` from a custom source may match (any platform's). */
export function customDataSchemas(type: string): readonly LooseSchema[] {
  let candidates = customSchemas.get(type);
  if (!candidates) {
    candidates = (platformsOf.get(type) ?? []).map((platform) => looseSchema(platform, type));
    customSchemas.set(type, candidates);
  }
  return candidates;
}
