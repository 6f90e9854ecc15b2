import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ValidationError, type ValidationIssue } from '@vmsc/core';
import type { z } from 'zod';
import { hubConfigSchema, type HubConfig } from './schema.js';

/** Keys that would hold a credential in plain text. The config names environment variables instead. */
const SECRET_KEYS = /^(token|apiKey|api_key|jwt|socketToken|secret|password|clientSecret|accessToken|signApiKey)$/;

function findPlainSecrets(value: unknown, path: string[], issues: ValidationIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findPlainSecrets(item, [...path, String(index)], issues));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (SECRET_KEYS.test(key) && typeof child === 'string') {
      issues.push({
        path: [...path, key].join('.'),
        message: `credentials never go in the config file: put it in an environment variable and name it in "${key}Env"`,
      });
    } else {
      findPlainSecrets(child, [...path, key], issues);
    }
  }
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The result of reading a config: the config and the directory relative paths resolve from. */
export interface LoadedConfig {
  config: HubConfig;
  file: string | undefined;
  baseDir: string;
}

/**
 * Validates a parsed configuration object. Throws a {@link ValidationError} naming every problem
 * (with its path, and the file when given).
 */
export function parseConfig(value: unknown, file?: string): HubConfig {
  const issues: ValidationIssue[] = [];
  findPlainSecrets(value, [], issues);
  const result = hubConfigSchema.safeParse(value);
  if (!result.success) issues.push(...zodIssues(result.error));
  if (issues.length > 0 || !result.success) {
    throw new ValidationError(`invalid configuration${file ? ` in ${file}` : ''}`, issues, { code: 'INVALID_CONFIG' });
  }
  return result.data;
}

/** Reads and validates a configuration file. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError(`cannot read ${path}`, [{ path: '', message: (error as Error).message }], { code: 'INVALID_CONFIG' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`invalid configuration in ${path}`, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }], {
      code: 'INVALID_CONFIG',
    });
  }
  return { config: parseConfig(json, path), file: path, baseDir: dirname(path) };
}

/**
 * Reads a credential from the environment. Throws a ValidationError naming the variable (never its
 * value) when it is unset or empty.
 */
export function readCredential(env: NodeJS.ProcessEnv, variable: string, what: string): string {
  const value = env[variable];
  if (!value) {
    throw new ValidationError(`missing credential`, [{ path: variable, message: `set the environment variable ${variable} (${what})` }], {
      code: 'MISSING_CREDENTIAL',
    });
  }
  return value;
}
