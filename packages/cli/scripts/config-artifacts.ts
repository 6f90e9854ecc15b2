// Writes the config's generated files from the zod schema (packages/cli/src/config/schema.ts):
// the shipped JSON Schema `vmsc.config.schema.json` and the reference page `docs/config.md`.
// Run by the package's `build` (before tsup) and by `pnpm --filter @vmsc/cli run config:write`;
// test/config-schema.test.ts fails when either file differs from what the schema generates now.
import { writeFile } from 'node:fs/promises';
import { CONFIG_ARTIFACTS, renderConfigArtifacts } from './render-config.js';

const { schema, docs } = await renderConfigArtifacts();
await writeFile(CONFIG_ARTIFACTS.schema, schema);
await writeFile(CONFIG_ARTIFACTS.docs, docs);
console.log(`wrote ${CONFIG_ARTIFACTS.schema} and ${CONFIG_ARTIFACTS.docs}`);
