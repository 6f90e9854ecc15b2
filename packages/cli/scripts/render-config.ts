import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { configReference } from '../src/config/config-reference.js';
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from '../src/config/json-schema.js';

/** Where the generated config files live. */
export const CONFIG_ARTIFACTS = {
  schema: fileURLToPath(new URL(`../${CONFIG_SCHEMA_FILE}`, import.meta.url)),
  docs: fileURLToPath(new URL('../../../docs/config.md', import.meta.url)),
};

async function pretty(text: string, file: string): Promise<string> {
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

/** The text of the shipped JSON Schema and of docs/config.md, as the schema generates them now (prettier-formatted like the repo). */
export async function renderConfigArtifacts(): Promise<{ schema: string; docs: string }> {
  return {
    schema: await pretty(configJsonSchemaText(), CONFIG_ARTIFACTS.schema),
    docs: await pretty(configReference(), CONFIG_ARTIFACTS.docs),
  };
}
