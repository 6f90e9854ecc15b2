import { configJsonSchema, type JsonSchema } from './json-schema.js';

/**
 * Writes `docs/config.md`, the reference of every config field, from the JSON Schema generated from
 * the zod schema (so the descriptions live once, in `schema.ts`).
 *
 * @packageDocumentation
 */

/** One documented field: its dotted path, type, default and description. */
export interface ConfigField {
  path: string;
  type: string;
  default: string;
  description: string;
}

const asSchema = (value: unknown): JsonSchema => (typeof value === 'object' && value !== null ? (value as JsonSchema) : {});
const variants = (schema: JsonSchema): JsonSchema[] => [...((schema.anyOf ?? schema.oneOf ?? []) as unknown[])].map(asSchema);
const isObject = (schema: JsonSchema): boolean => schema.type === 'object' && schema.properties !== undefined;

/** A short type text: `string`, `integer 0–65535`, `"user" \| "bot"`, `array of string`... */
export function describeType(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  const options = variants(schema);
  if (options.length > 0) return options.map(describeType).join(' \\| ');
  switch (schema.type) {
    case 'array': {
      const items = asSchema(schema.items);
      return Object.keys(items).length === 0 ? 'array' : `array of ${isObject(items) ? 'objects' : describeType(items)}`;
    }
    case 'object':
      return schema.properties ? 'object' : schema.additionalProperties ? 'object (by name)' : 'object';
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
      const above = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
      const max = typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
      if (min !== undefined && max !== undefined) return `${schema.type} ${min}–${max}`;
      const bounds = [min !== undefined ? `≥ ${min}` : '', above !== undefined ? `> ${above}` : '', max !== undefined ? `≤ ${max}` : ''];
      return [schema.type, ...bounds.filter(Boolean)].join(', ');
    }
    case 'string':
      return schema.pattern === '^[A-Za-z_][A-Za-z0-9_]*$' ? 'env var name' : schema.format === 'uri' ? 'URL' : 'string';
    default:
      return typeof schema.type === 'string' ? schema.type : 'any';
  }
}

/** Every field of an object schema, depth first; `prefix` is the dotted path of the object. */
export function configFields(schema: JsonSchema, prefix = ''): ConfigField[] {
  const fields: ConfigField[] = [];
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, value] of Object.entries(asSchema(schema.properties))) {
    const field = asSchema(value);
    const path = prefix ? `${prefix}.${name}` : name;
    const def = field.default === undefined ? (required.has(name) ? 'required' : '') : `\`${JSON.stringify(field.default)}\``;
    const description = typeof field.description === 'string' ? field.description : '';
    fields.push({ path, type: describeType(field), default: def, description });
    if (isObject(field)) fields.push(...configFields(field, path));
    for (const option of variants(field)) if (isObject(option)) fields.push(...configFields(option, path));
    const byName = asSchema(field.additionalProperties);
    if (field.type === 'object' && isObject(byName)) fields.push(...configFields(byName, `${path}.<name>`));
  }
  return fields;
}

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\\\\\|/g, '\\|')
    .replace(/\n/g, ' ');

function table(fields: readonly ConfigField[]): string {
  const rows = fields.map((field) => `| \`${field.path}\` | ${field.type} | ${field.default} | ${cell(field.description)} |`);
  return ['| field | type | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The markdown of `docs/config.md`. */
export function configReference(schema: JsonSchema = configJsonSchema()): string {
  const top = configFields(schema).filter((field) => field.path !== 'connectors' && !field.path.startsWith('connectors.'));
  const connectors = variants(asSchema(asSchema(asSchema(schema.properties).connectors).items));
  const sections = connectors.map((connector) => {
    const type = asSchema(asSchema(connector.properties).type).const;
    const fields = configFields(connector);
    return [
      `### \`${String(type)}\``,
      '',
      typeof connector.description === 'string' ? `${connector.description}\n` : '',
      table(fields),
    ].join('\n');
  });
  return [
    '<!-- Generated from packages/cli/src/config/schema.ts by `pnpm --filter @vmsc/cli run config:write`; do not edit by hand. -->',
    '',
    '# Configuration reference (`vmsc.config.json`)',
    '',
    '`vmsc start` reads `vmsc.config.json` (or the file given with `--config`). Paths in it are relative to',
    'the file. Credentials never go in it: each field ending in `Env` names the environment variable that',
    'holds the value. Every field has a default unless marked "required", so `{}` is a valid config.',
    '',
    'Editors autocomplete and check the file with the JSON Schema shipped in `@vmsc/cli`:',
    '',
    '```json',
    '{',
    '  "$schema": "./node_modules/@vmsc/cli/vmsc.config.schema.json",',
    '  "rules": "rules.json",',
    '  "connectors": [{ "type": "twitch", "broadcaster": "me", "clientIdEnv": "TWITCH_CLIENT_ID", "tokenEnv": "TWITCH_TOKEN" }]',
    '}',
    '```',
    '',
    '## Fields',
    '',
    table(top),
    '',
    '## Connectors',
    '',
    'Each entry of `connectors` has a `type`, which decides its other fields.',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
