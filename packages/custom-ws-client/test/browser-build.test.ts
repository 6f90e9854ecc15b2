/**
 * The browser build (`@vmsc/custom-ws-client/browser`) against the Node build:
 * - its size: the entry bundled with the package's browser build options (minified ESM, as the
 *   published `dist/browser.js` and as a user's bundler would), gzipped, at most 30 KB (30,720 B);
 * - its schemas: core's catalogue and every protocol schema, built by the bundle on zod/mini, have
 *   the same definitions as the sources build on zod classic (so they accept and reject alike);
 * - its validation: the same events, frames and messages get the same result, issues and messages.
 * The client behaviour tests also run against the bundle (vitest project `browser-build`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '@vmsc/core';
import * as protocol from '@vmsc/core/protocol';
import { sampleEvents } from '@vmsc/testing';
import { bundleForBrowser } from './support/browser-bundle.js';

/** The budget of the browser build, gzipped (30 KB, 1 KB = 1,024 B as size-limit counts). */
const MAX_GZIP_BYTES = 30 * 1024;

type Schemas = typeof import('./support/browser-schemas-entry.js');

let tmp: string;
let bundle: Buffer;
let browser: Schemas;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vmsc-browser-build-'));
  bundle = readFileSync(await bundleForBrowser(tmp));
  const schemasPath = await bundleForBrowser(tmp, new URL('./support/browser-schemas-entry.ts', import.meta.url).pathname, 'schemas');
  browser = (await import(pathToFileURL(schemasPath).href)) as Schemas;
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A schema's definition as plain data: nested schemas and checks by their definitions, functions as a mark. */
function definition(value: unknown, depth = 0): unknown {
  if (depth > 40) throw new Error('definition too deep (a cycle?)');
  if (typeof value === 'function') return '[function]';
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value === null || typeof value !== 'object') return value;
  if ('_zod' in value) return definition((value as { _zod: { def: unknown } })._zod.def, depth + 1);
  if (Array.isArray(value)) return value.map((item) => definition(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = definition((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

/** Every zod schema among a module's exports, by name. */
function schemasOf(module: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(module).filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value));
}

describe('the browser build', () => {
  it(`is at most ${MAX_GZIP_BYTES} bytes gzipped and holds no zod classic, no zod locale but English, no script evaluator`, () => {
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIP_BYTES);
    const text = bundle.toString('utf8');
    // zod classic's JSON Schema support, a non-English message, jsep's parser.
    expect(text).not.toContain('toJSONSchema');
    expect(text).not.toContain('Ungültige Eingabe');
    expect(text).not.toContain('Unexpected "');
    expect(text).toContain('Invalid input: expected');
  });

  it('builds every catalogue and protocol schema with the definition zod classic builds', () => {
    const platforms = Object.keys(core.catalogue);
    expect(Object.keys(browser.catalogue)).toEqual(platforms);
    for (const platform of platforms) {
      const classic = core.catalogue[platform as keyof typeof core.catalogue] as Record<string, unknown>;
      const mini = browser.catalogue[platform as keyof typeof browser.catalogue] as Record<string, unknown>;
      expect(Object.keys(mini)).toEqual(Object.keys(classic));
      for (const type of Object.keys(classic)) expect(definition(mini[type]), `${platform}.${type}`).toEqual(definition(classic[type]));
    }
    expect(definition(browser.streamUserSchema)).toEqual(definition(core.streamUserSchema));
    expect(definition(browser.eventMetaSchema)).toEqual(definition(core.eventMetaSchema));
    const classicProtocol = schemasOf(protocol);
    const miniProtocol = schemasOf(browser.protocol);
    expect(Object.keys(miniProtocol).sort()).toEqual(Object.keys(classicProtocol).sort());
    expect(Object.keys(classicProtocol).length).toBeGreaterThan(15);
    for (const name of Object.keys(classicProtocol))
      expect(definition(miniProtocol[name]), name).toEqual(definition(classicProtocol[name]));
  });

  it('parses and rejects the same events with the same issues', () => {
    const samples = sampleEvents() as unknown as Array<Record<string, unknown>>;
    expect(samples.length).toBeGreaterThan(20);
    const inputs: unknown[] = [null, 42, 'text', [], {}, { type: 'chat' }];
    for (const sample of samples) {
      const data = sample.data as Record<string, unknown>;
      const firstKey = Object.keys(data)[0];
      inputs.push(
        sample,
        { ...sample, extra: true, data: { ...data, extra: 1 } },
        { ...sample, id: 'not-a-uuid' },
        { ...sample, timestamp: -1.5 },
        { ...sample, user: { id: 1 } },
        { ...sample, meta: { test: 'yes' } },
        { ...sample, source: 'my-game' },
        { ...sample, type: 'no_such_type' },
        { ...sample, data: null },
        ...(firstKey ? [{ ...sample, data: { ...data, [firstKey]: { wrong: [] } } }] : []),
        { ...sample, data: Object.fromEntries(Object.keys(data).map((key) => [key, undefined])) },
      );
    }
    let rejected = 0;
    for (const input of inputs) {
      const node = core.parseEvent(input);
      const web = browser.parseEvent(input);
      expect(web.ok).toBe(node.ok);
      if (node.ok && web.ok) expect(web.event).toEqual(node.event);
      if (!node.ok && !web.ok) {
        rejected++;
        expect(web.error.message).toBe(node.error.message);
        expect(web.error.issues).toEqual(node.error.issues);
      }
    }
    expect(rejected).toBeGreaterThan(samples.length * 5);
  });

  it('accepts and rejects the same protocol messages with the same zod errors', () => {
    const messages: unknown[] = [
      { action: 'subscribe', status: 'ok', replayed: 0 },
      { action: 'subscribe', status: 'ok', replayed: -1, lastEventId: 7 },
      { action: 'subscribe', status: 'nope', replayed: 1.5, requestId: 'x'.repeat(200) },
      { action: 'alert', alert: { id: 'a', kind: 'gift', title: 'Hi', durationMs: 1000 } },
      { action: 'alert', alert: { id: 'a', kind: 'gift', durationMs: 0, imageUrl: 'javascript:alert(1)' } },
      { action: 'error', code: 'AUTH_FAILED', message: 'no' },
      { action: 'error', code: 'NOPE', message: 3, issues: [{ path: 1 }] },
      { action: 'hello', requestId: 1, protocolVersion: 0 },
      { action: 'triggerRule' },
      { action: 'injectEvent', event: { type: '', source: 'x', user: {}, data: [] } },
      { action: 'event', event: { id: 'x' } },
      { action: 'event', event: sampleEvents()[0] },
      {},
      'text',
    ];
    const classicSchemas = schemasOf(protocol) as Record<string, { safeParse(value: unknown): { success: boolean; error?: Error } }>;
    const miniSchemas = schemasOf(browser.protocol) as typeof classicSchemas;
    let failures = 0;
    for (const [name, schema] of Object.entries(classicSchemas)) {
      for (const message of messages) {
        const node = schema.safeParse(message);
        const web = miniSchemas[name]!.safeParse(message);
        expect(web.success, name).toBe(node.success);
        if (!node.success) {
          failures++;
          expect(web.error?.message, name).toBe(node.error?.message);
        }
      }
    }
    expect(failures).toBeGreaterThan(100);
  });
});
