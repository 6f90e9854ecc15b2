import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validateRules } from '@vmsc/core';
import { hubRuleValidation } from '../hub/hub-actions.js';
import type { CommandIo, ExitCode } from './io.js';

/**
 * `vmsc rules validate <file>`: validates a rules file and prints every problem with its path
 * (`rules.json: [2].conditions.all[0].op: ...`). Exit code 0 when valid, 2 otherwise.
 */
export async function rulesValidateCommand(file: string | undefined, io: CommandIo): Promise<ExitCode> {
  if (!file) {
    io.stderr.write('usage: vmsc rules validate <rules.json>\n');
    return 2;
  }
  const path = resolve(io.cwd, file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    io.stderr.write(
      `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`}\n`,
    );
    return 2;
  }
  const result = validateRules(json, hubRuleValidation());
  if (!result.ok) {
    for (const issue of result.issues) io.stderr.write(`${path}: ${issue.path || '(root)'}: ${issue.message}\n`);
    io.stderr.write(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in ${path}\n`);
    return 2;
  }
  io.stdout.write(`${path}: ${result.rules.length} rule${result.rules.length === 1 ? '' : 's'} valid\n`);
  return 0;
}
