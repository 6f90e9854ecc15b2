import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@vmsc/core';
import { arbitraryFrameText, checkAsyncProperty, checkProperty, expectTypedError, mutatedJsonOf, type JsonLike } from '@vmsc/testing';
import { rulesValidateCommand } from '../src/commands/rules-validate.js';
import { loadConfig, loadRules, parseConfig } from '../src/index.js';
import { DEMO_RULES } from '../src/demo/demo-config.js';
import { captureIo } from './io.js';
import { EVERY_CONNECTOR } from './every-connector.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vmsc-cli-properties-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonLike;

/** A full config: every connector type, rules inline, server and journal settings. */
const fullConfig = json({
  server: { enabled: true, port: 7895, host: '127.0.0.1', tokenEnv: 'VMSC_TOKEN', maxConnections: 10 },
  journal: { enabled: true, dir: 'journal' },
  rules: DEMO_RULES,
  connectors: EVERY_CONNECTOR,
});
const configs = [fullConfig, json({}), json({ connectors: [{ type: 'kick', channel: 'xqc' }], rules: 'rules.json' })];
const rules = json(DEMO_RULES);

/** Whether `path` (dot-joined, as in ValidationIssue.path) or its parent exists in `value`. */
function namesAPlaceIn(value: unknown, path: string): boolean {
  if (path === '') return true;
  const parts = path.split('.');
  let node: unknown = value;
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object' || node === null) return false;
    const key = parts[i]!;
    if (!Object.hasOwn(node, key)) return i === parts.length - 1; // a missing key under an existing parent
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** A valid config, or a ValidationError whose every issue names a path that is in the input (or a missing key of it). */
function checkConfig(value: unknown): void {
  try {
    parseConfig(value, 'vmsc.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const typed = expectTypedError(error) as ValidationError;
    expect(typed.message).toContain('vmsc.config.json');
    for (const issue of typed.issues) {
      expect(typeof issue.path).toBe('string');
      expect(namesAPlaceIn(value, issue.path), `issue path "${issue.path}" (${issue.message})`).toBe(true);
    }
  }
}

describe('config files', () => {
  it('mutated real configs: a valid config or a ValidationError naming each path', () => {
    checkProperty('cli parseConfig(mutated config)', mutatedJsonOf(configs), checkConfig, { numRuns: 3000 });
  });

  it('arbitrary JSON values', () => {
    checkProperty('cli parseConfig(arbitrary JSON)', fc.jsonValue(), checkConfig, { numRuns: 1000 });
  });

  it('files with arbitrary or mutated text: loadConfig gives a config or a ValidationError (INVALID_CONFIG)', async () => {
    let n = 0;
    await checkAsyncProperty(
      'cli loadConfig(arbitrary / mutated file text)',
      fc.oneof(
        arbitraryFrameText(),
        mutatedJsonOf(configs).map((value) => JSON.stringify(value, null, 2)),
      ),
      async (text) => {
        const file = join(dir, `config-${++n}.json`);
        await writeFile(file, text);
        try {
          const loaded = await loadConfig(file);
          expect(loaded.file).toBe(file);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect(expectTypedError(error).code).toBe('INVALID_CONFIG');
        }
      },
      { numRuns: 400 },
    );
  });
});

describe('rules files', () => {
  it('mutated real rules, inline: rules or a ValidationError (INVALID_RULES) with paths', async () => {
    await checkAsyncProperty(
      'cli loadRules(mutated inline rules)',
      mutatedJsonOf([rules]),
      async (value) => {
        try {
          await loadRules(Array.isArray(value) ? value : [value], dir, 'vmsc.config.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          const typed = expectTypedError(error) as ValidationError;
          expect(typed.code).toBe('INVALID_RULES');
          for (const issue of typed.issues) expect(typeof issue.path).toBe('string');
        }
      },
      { numRuns: 1500 },
    );
  });

  it('rules files with arbitrary or mutated text: `vmsc rules validate` exits 0 or 2 and names every problem, never throws', async () => {
    let n = 0;
    await checkAsyncProperty(
      'cli rules validate(arbitrary / mutated file)',
      fc.oneof(
        arbitraryFrameText(),
        mutatedJsonOf([rules]).map((value) => JSON.stringify(value)),
      ),
      async (text) => {
        const file = `rules-${++n}.json`;
        await writeFile(join(dir, file), text);
        const io = captureIo(dir);
        const code = await rulesValidateCommand(file, io);
        if (code === 0) {
          expect(io.out()).toMatch(/valid\n$/);
          expect(io.err()).toBe('');
        } else {
          expect(code).toBe(2);
          expect(io.err()).toContain(join(dir, file));
          expect(io.out()).toBe('');
        }
      },
      { numRuns: 400 },
    );
  });
});
