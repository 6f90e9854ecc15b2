import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateData, validateUser, streamUserSchema } from '@vmsc/core';
import { checkProperty, mutatedJsonOf, sampleEvents, type JsonLike } from '@vmsc/testing';
import { compileAccept } from '../src/events/fast-accept.js';
import { customDataSchemas, platformDataSchema } from '../src/events/registry.js';

const samples = sampleEvents();

describe('fast accept of the catalogue schemas', () => {
  it('compiles for every catalogue schema and the user schema, and accepts every sample as it is', () => {
    expect(compileAccept(streamUserSchema)).toBeDefined();
    for (const event of samples) {
      const schema = platformDataSchema(event.source, event.type)!;
      const accept = compileAccept(schema);
      expect(accept, `${event.source} ${event.type}`).toBeDefined();
      expect(accept!(JSON.parse(JSON.stringify(event.data))), `${event.source} ${event.type}`).toBe(true);
      expect(compileAccept(streamUserSchema)!(event.user)).toBe(true);
    }
  });

  it('leaves to zod what zod would change or reject: a nested extra key, a present undefined, NaN, a class instance', () => {
    const accept = compileAccept(platformDataSchema('twitch', 'raid')!)!;
    const raid = { fromBroadcaster: { id: '1', username: 'a', nickname: 'A' }, viewerCount: 3 };
    expect(accept(raid)).toBe(true);
    expect(accept({ ...raid, extra: 1 })).toBe(true); // the top level is loose: kept by zod too
    expect(accept({ ...raid, fromBroadcaster: { ...raid.fromBroadcaster, extra: 1 } })).toBe(false); // zod strips it
    expect(accept({ ...raid, viewerCount: Number.NaN })).toBe(false);
    expect(accept({ ...raid, viewerCount: undefined })).toBe(false);
    expect(accept(new (class {})())).toBe(false);
    const chat = compileAccept(platformDataSchema('twitch', 'chat')!)!;
    expect(chat({ message: 'hi', emotes: [], badges: undefined })).toBe(false);
    // validateData still answers through zod for those: same result as before.
    const stripped = validateData('twitch', 'raid', { ...raid, fromBroadcaster: { ...raid.fromBroadcaster, extra: 1 } });
    expect(stripped).toEqual({ ok: true, data: raid });
    expect(validateData('twitch', 'raid', { ...raid, viewerCount: '3' })).toMatchObject({
      ok: false,
      issues: [{ path: 'data.viewerCount' }],
    });
  });

  it('never accepts what zod rejects or would return changed (mutated samples, every schema of the type)', () => {
    const bases = samples.map((event) => JSON.parse(JSON.stringify({ type: event.type, data: event.data, user: event.user })) as JsonLike);
    const tried = checkProperty('fast accept ⊆ zod accept, output unchanged', mutatedJsonOf(bases), (value) => {
      const candidate = value as { type?: unknown; data?: unknown; user?: unknown } | null;
      if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return;
      const type = typeof candidate.type === 'string' ? candidate.type : 'chat';
      for (const schema of customDataSchemas(type)) {
        if (compileAccept(schema)!(candidate.data)) {
          const result = schema.safeParse(candidate.data);
          expect(result.success).toBe(true);
          expect(result.data).toStrictEqual(candidate.data);
        }
      }
      if (compileAccept(streamUserSchema)!(candidate.user)) {
        expect(streamUserSchema.parse(candidate.user)).toStrictEqual(candidate.user);
        expect(validateUser(candidate.user).ok).toBe(true);
      }
    });
    expect(tried).toBeGreaterThan(0);
  });

  it('leaves an own "__proto__" key (as JSON.parse makes it) to zod, which drops it', () => {
    for (const event of samples) {
      const schema = platformDataSchema(event.source, event.type)!;
      const value = JSON.parse('{"__proto__": false}') as unknown;
      expect(compileAccept(schema)!(value), `${event.source} ${event.type}`).toBe(false);
    }
  });

  it('never accepts arbitrary JSON that zod rejects', () => {
    const schemas = samples.map((event) => platformDataSchema(event.source, event.type)!);
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(schemas.length - 1), (value, index) => {
        const schema = schemas[index]!;
        if (compileAccept(schema)!(value)) expect(schema.safeParse(value)).toMatchObject({ success: true, data: value });
      }),
      { numRuns: 2000 },
    );
  });
});
