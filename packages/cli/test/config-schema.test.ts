import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { configFields } from '../src/config/config-reference.js';
import { configJsonSchema, type JsonSchema } from '../src/config/json-schema.js';
import { parseConfig } from '../src/config/load-config.js';
import { CONFIG_ARTIFACTS, renderConfigArtifacts } from '../scripts/render-config.js';
import { EVERY_CONNECTOR } from './every-connector.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(JSON.stringify(configJsonSchema())) as object);
}

/** Every `properties` entry anywhere in the schema, with its path. */
function everyProperty(schema: unknown, path = ''): { path: string; schema: JsonSchema }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: { path: string; schema: JsonSchema }[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) {
        found.push({ path: `${path}.${name}`, schema: child as JsonSchema });
        found.push(...everyProperty(child, `${path}.${name}`));
      }
    } else if (typeof value === 'object') found.push(...everyProperty(value, path));
  }
  return found;
}

/** Every vmsc.config.json under examples/. */
async function exampleConfigs(): Promise<string[]> {
  const dirs = await readdir(join(root, 'examples'), { withFileTypes: true });
  const files: string[] = [];
  for (const dir of dirs) {
    if (!dir.isDirectory() || dir.name === 'node_modules') continue;
    const names = await readdir(join(root, 'examples', dir.name));
    if (names.includes('vmsc.config.json')) files.push(join(root, 'examples', dir.name, 'vmsc.config.json'));
  }
  return files;
}

describe('the config JSON Schema and reference page', () => {
  it('the shipped vmsc.config.schema.json and docs/config.md are what the zod schema generates now', async () => {
    const now = await renderConfigArtifacts();
    expect(await readFile(CONFIG_ARTIFACTS.schema, 'utf8'), 'run `pnpm --filter @vmsc/cli run config:write`').toBe(now.schema);
    expect(await readFile(CONFIG_ARTIFACTS.docs, 'utf8'), 'run `pnpm --filter @vmsc/cli run config:write`').toBe(now.docs);
    const pkg = JSON.parse(await readFile(join(root, 'packages/cli/package.json'), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
    };
    expect(pkg.files).toContain('vmsc.config.schema.json');
    expect(pkg.exports['./vmsc.config.schema.json']).toBe('./vmsc.config.schema.json');
  });

  it('every field has a description, and the reference page lists every field', async () => {
    const properties = everyProperty(configJsonSchema());
    expect(properties.length).toBeGreaterThan(60);
    const undescribed = properties.filter((entry) => typeof entry.schema.description !== 'string' || entry.schema.description.length < 8);
    expect(undescribed.map((entry) => entry.path)).toEqual([]);
    const docs = await readFile(CONFIG_ARTIFACTS.docs, 'utf8');
    const top = configFields(configJsonSchema()).map((field) => field.path);
    for (const path of [
      'server.tokens.overlay.tokenEnv',
      'log.maxSizeMb',
      'log.keep',
      'http.targets.<name>.urlEnv',
      'dedupe.windowMs',
      'obs.passwordEnv',
    ])
      expect(top).toContain(path);
    for (const path of top.filter((path) => !path.startsWith('connectors'))) expect(docs).toContain(`\`${path}\``);
    for (const type of ['kick', 'twitch', 'youtube', 'tiktok', 'streamlabs', 'streamelements', 'pulsoid', 'hyperate', 'custom-ws'])
      expect(docs).toContain(`### \`${type}\``);
    expect(docs).toContain('| `webhook.port`');
  });

  it('the example configs, every connector type and `{}` validate against the JSON Schema (and the zod schema agrees)', async () => {
    const validate = validator();
    const files = await exampleConfigs();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const config: unknown = JSON.parse(await readFile(file, 'utf8'));
      expect(validate(config), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect((config as { $schema?: string }).$schema).toBe('../node_modules/@vmsc/cli/vmsc.config.schema.json');
      expect(() => parseConfig(config)).not.toThrow();
    }
    for (const config of [
      {},
      { connectors: EVERY_CONNECTOR },
      { log: { level: 'debug', maxSizeMb: 0.5, keep: 2 }, server: { tokens: { overlay: {} } } },
    ]) {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
      expect(() => parseConfig(config)).not.toThrow();
    }
  });

  it('the JSON Schema refuses what the zod schema refuses', () => {
    const validate = validator();
    const bad = [
      { server: { port: 70000 } },
      { connectors: [{ type: 'teleport' }] },
      { connectors: [{ type: 'kick' }] },
      { log: { level: 'loud' } },
      { server: { tokens: { overlay: { tokenEnv: 'not a name' } } } },
      { unknownField: 1 },
    ];
    for (const config of bad) {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => parseConfig(config), JSON.stringify(config)).toThrow();
    }
  });
});
