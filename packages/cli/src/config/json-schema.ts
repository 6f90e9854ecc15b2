import { z } from 'zod';
import { hubConfigSchema } from './schema.js';

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/** The file name the package ships the schema under: `@vmsc/cli/vmsc.config.schema.json`. */
export const CONFIG_SCHEMA_FILE = 'vmsc.config.schema.json';

/**
 * The JSON Schema (draft 2020-12) of `vmsc.config.json`, generated from {@link hubConfigSchema} with
 * zod's `z.toJSONSchema`: what a person writes (fields with a default are optional), every field with
 * its description and default. The package ships it as `@vmsc/cli/vmsc.config.schema.json`; point
 * the config's `"$schema"` at `./node_modules/@vmsc/cli/vmsc.config.schema.json` for autocomplete.
 */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(hubConfigSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return { ...schema, title: 'vmsc.config.json' };
}

/** {@link configJsonSchema} as the text of the shipped file (two-space indent, final newline). */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
