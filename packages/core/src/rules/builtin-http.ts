import { z } from 'zod';
import { lazyShape, once } from '../util/lazy-shape.js';
import { ValidationError } from '../errors.js';
import { toSecret, type Secret } from '../util/secret.js';
import type { Clock } from '../util/clock.js';
import { templated, variableName } from './builtin.js';
import { defineAction, type ActionContext, type ActionDefinition, type ActionPreviewContext } from './definition.js';
import { HttpActionError } from './http-error.js';
import { sendWithRetries, type FetchFunction, type HttpResponseInfo, type PreparedRequest } from './http-request.js';
import { HostAllowList, relativeUrlProblem, renderUrlRest, splitUrlTemplate } from './http-url.js';
import { jsonValueSchema, type JsonValue } from './json.js';
import { stringify } from './templates.js';

/**
 * The `http` action: a webhook call from a rule. `httpAction({ allowHosts })` builds it; the hub
 * builds it from its config's `http` entry.
 *
 * @packageDocumentation
 */

/** Headers that carry credentials: refused in `headers`, they belong in `secretHeaders`. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key']);
const headerName = once(() => z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'));
const envName = once(() =>
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, underscores)'),
);

/** A configured call target: a base URL that rules name instead of writing it (it may hold a credential). */
export interface HttpTarget {
  /** The base URL (`https://discord.com/api/webhooks/123/abc`); never shown in messages or reports. */
  url: string | Secret;
}

/** Options of {@link httpAction}. */
export interface HttpActionOptions {
  /**
   * Hosts rules may call: `"example.com"` (any port), `"127.0.0.1:9000"` (that port),
   * `"*.example.com"` (its subdomains). Required; an empty list refuses every URL written in a
   * rule (targets are allowed by being configured).
   */
  allowHosts: readonly string[];
  /** Named base URLs (`{ "target": "discord" }` in a rule), e.g. a webhook URL read from the environment. */
  targets?: Readonly<Record<string, HttpTarget>>;
  /** Where `secretHeaders` read their variables. Default: `process.env` (none in a browser). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The `fetch` to use. Default: the global `fetch`. */
  fetch?: FetchFunction;
  /** Timeout of one attempt when the action sets none, ms. Default 10,000. */
  defaultTimeoutMs?: number;
  /** The largest answer body kept, bytes. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Timers for the retry backoff (tests). */
  clock?: Clock;
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function actionShape() {
  return z.strictObject(
    lazyShape(() => ({
      type: z.literal('http'),
      /** Default `POST` with a body, `GET` without. */
      method: z.enum(methods).optional(),
      /** Absolute http(s) URL (literal origin, templates in path/query/fragment); with `target`, the part after its base URL. */
      url: z.string().optional(),
      /** A configured target's name, instead of a host in `url`. */
      target: z.string().min(1).optional(),
      /** Query parameters added to the URL (values templated, encoded). */
      query: templated(z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]))).optional(),
      /** Plain headers (templated). Credentials go in `secretHeaders`. */
      headers: templated(z.record(headerName(), z.string())).optional(),
      /** Headers whose values come from environment variables, by name: `{ "Authorization": { "env": "HOOK_TOKEN", "prefix": "Bearer " } }`. */
      secretHeaders: z.record(headerName(), z.strictObject({ env: envName(), prefix: z.string().optional() })).optional(),
      /** A JSON body (templated; a string that is exactly one `{{path}}` keeps its type). */
      json: templated(jsonValueSchema()).optional(),
      /** A text body (templated). */
      text: templated(z.string()).optional(),
      /** Timeout of one attempt, ms (≤ 60,000). */
      timeoutMs: z.number().int().min(1).max(60_000).optional(),
      /** Extra attempts after a network failure, a timeout, 408, 429 or 5xx (≤ 5). Default 2. */
      retries: z.number().int().min(0).max(5).optional(),
      /** First retry delay, ms, doubling each time (a `Retry-After` wins). Default 500. */
      retryDelayMs: z.number().int().min(0).max(30_000).optional(),
      /** A variable that receives `{ status, ok, json | text }` for the next actions (`{{vars.<name>.json.id}}`). */
      saveAs: variableName().optional(),
    })),
  );
}

/** The schema of an `http` action (shape only: the allow-list is checked by {@link httpAction}'s schema). */
export const httpActionSchema = actionShape();

/** An `http` action, as validated. */
export type HttpAction = z.output<typeof httpActionSchema>;

function processEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

/** The checks that need the options: URL origin and allow-list, target names, credential headers. */
function problemsOf(
  action: HttpAction,
  allow: HostAllowList,
  targets: ReadonlyMap<string, Secret>,
): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  if (action.json !== undefined && action.text !== undefined) problems.push({ path: ['text'], message: 'give "json" or "text", not both' });
  for (const name of Object.keys(action.headers ?? {})) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase()))
      problems.push({
        path: ['headers', name],
        message: `"${name}" carries a credential: put it in "secretHeaders" (its value from an environment variable)`,
      });
  }
  if (action.target !== undefined) {
    if (!targets.has(action.target)) {
      const known = [...targets.keys()];
      problems.push({
        path: ['target'],
        message: `no http target "${action.target}" is configured${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
      });
    }
    const problem = relativeUrlProblem(action.url ?? '');
    if (problem) problems.push({ path: ['url'], message: problem });
    return problems;
  }
  if (action.url === undefined) {
    problems.push({ path: ['url'], message: 'give a "url" (or a configured "target")' });
    return problems;
  }
  const split = splitUrlTemplate(action.url);
  if ('problem' in split) problems.push({ path: ['url'], message: split.problem });
  else if (!allow.allows(new URL(split.origin)))
    problems.push({ path: ['url'], message: `host ${new URL(split.origin).host} is not in the allow-list (${allow.describe()})` });
  return problems;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

type View = Pick<ActionContext, 'render'> | ActionPreviewContext;

function renderPlaceholder(context: View): (placeholder: string) => string {
  return (placeholder) => stringify(context.render(placeholder));
}

/** Builds the request (URL, headers, body) of an action against the run. Throws {@link HttpActionError}. */
function prepare(
  action: HttpAction,
  context: View,
  settings: {
    allow: HostAllowList;
    targets: ReadonlyMap<string, Secret>;
    env: Readonly<Record<string, string | undefined>>;
    timeoutMs: number;
  },
): PreparedRequest {
  let url: string;
  let label: string;
  const secrets: string[] = [];
  if (action.target !== undefined) {
    const base = settings.targets.get(action.target);
    if (!base) throw new HttpActionError('HTTP_UNKNOWN_TARGET', `no http target "${action.target}" is configured`);
    const baseUrl = base.reveal();
    secrets.push(baseUrl);
    url = baseUrl.replace(/\/$/, '') + renderUrlRest(action.url ?? '', renderPlaceholder(context));
    label = `target "${action.target}"`;
  } else {
    const split = splitUrlTemplate(action.url ?? '');
    if ('problem' in split) throw new HttpActionError('HTTP_BAD_URL', `url ${action.url ?? '(none)'}: ${split.problem}`);
    url = split.origin + renderUrlRest(split.rest, renderPlaceholder(context));
    label = url;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HttpActionError('HTTP_BAD_URL', `${label} is not a valid URL after rendering`);
  }
  for (const [name, value] of Object.entries(action.query ?? {})) parsed.searchParams.append(name, stringify(context.render(value)));
  if (action.target === undefined) {
    if (!settings.allow.allows(parsed))
      throw new HttpActionError('HTTP_HOST_NOT_ALLOWED', `host ${parsed.host} is not in the allow-list (${settings.allow.describe()})`);
    label = parsed.toString();
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(action.headers ?? {})) headers[name] = stringify(context.render(value));
  for (const [name, { env, prefix }] of Object.entries(action.secretHeaders ?? {})) {
    const value = settings.env[env];
    if (value === undefined || value === '')
      throw new HttpActionError('HTTP_SECRET_MISSING', `header ${name} needs the environment variable ${env}, which is not set`);
    secrets.push(value);
    headers[name] = `${prefix ?? ''}${value}`;
  }
  let body: string | undefined;
  if (action.json !== undefined) {
    body = JSON.stringify(context.render(action.json) ?? null);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  } else if (action.text !== undefined) {
    body = stringify(context.render(action.text));
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
  }
  return {
    method: action.method ?? (body === undefined ? 'GET' : 'POST'),
    url: parsed.toString(),
    label,
    headers,
    body,
    timeoutMs: action.timeoutMs ?? settings.timeoutMs,
    retries: action.retries ?? 2,
    retryDelayMs: action.retryDelayMs ?? 500,
    secrets,
  };
}

/**
 * Builds the `http` action type:
 *
 * ```json
 * { "type": "http", "method": "POST", "url": "https://hooks.example.com/follow/{{user.username}}",
 *   "json": { "user": "{{user.nickname}}", "platform": "{{source}}" },
 *   "secretHeaders": { "Authorization": { "env": "HOOK_TOKEN", "prefix": "Bearer " } },
 *   "timeoutMs": 5000, "retries": 2, "saveAs": "hook" }
 * ```
 *
 * - The URL's scheme, host and port are literal text, and the host must be in `allowHosts`: both
 *   are checked when rules are validated (by path, `rules[0].actions[1].url`) and again before each
 *   call. Templated values in the path, query and fragment are percent-encoded.
 * - Secrets: header values from environment variables by name (`secretHeaders`); a credential
 *   header in plain `headers` is refused. Secret values and a target's URL never appear in errors,
 *   logs, run reports or `explain`.
 * - Retries: after a network failure, a timeout, 408, 425, 429 or 5xx, `retries` times with
 *   exponential backoff from `retryDelayMs` (a `Retry-After` wins); never after another 4xx. Every
 *   attempt carries the same `Idempotency-Key` header (`<runId>:<path>`), so a server can tell a
 *   retry from a new call.
 * - Outcome `ok` with {@link HttpResponseInfo} as output (and in `vars.<saveAs>`); `failed` with an
 *   {@link HttpActionError} (`HTTP_STATUS` with `status`, `HTTP_TIMEOUT`, `HTTP_NETWORK`,
 *   `HTTP_HOST_NOT_ALLOWED`, `HTTP_SECRET_MISSING`...). Retries are bounded (≤ 5, delays ≤ 30 s).
 *
 * @throws {@link ValidationError} when an allow-list entry or a target URL is not valid.
 */
export function httpAction(options: HttpActionOptions): ActionDefinition<z.ZodType<HttpAction, HttpAction>> {
  const allow = new HostAllowList(options.allowHosts);
  const targets = new Map<string, Secret>();
  const issues: Array<{ path: string; message: string }> = [];
  options.allowHosts.forEach((entry, index) => {
    if (typeof entry !== 'string' || !/^(\*\.)?[A-Za-z0-9.[\]:-]+$/.test(entry.trim()))
      issues.push({ path: `allowHosts.${index}`, message: 'expected a host, host:port or *.domain' });
  });
  for (const [name, target] of Object.entries(options.targets ?? {})) {
    const secret = toSecret(target.url);
    try {
      const url = new URL(secret.reveal());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      targets.set(name, secret);
    } catch {
      issues.push({ path: `targets.${name}.url`, message: 'expected an http:// or https:// URL' });
    }
  }
  if (issues.length > 0) throw new ValidationError('invalid http action options', issues);
  const fetchFn: FetchFunction | undefined =
    options.fetch ?? (globalThis.fetch ? (input, init) => globalThis.fetch(input, init) : undefined);
  const settings = {
    allow,
    targets,
    env: options.env ?? processEnv(),
    timeoutMs: options.defaultTimeoutMs ?? 10_000,
  };
  const maxResponseBytes = options.maxResponseBytes ?? 1_048_576;
  const schema = actionShape().superRefine((action, ctx) => {
    for (const problem of problemsOf(action, allow, targets))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }) as unknown as z.ZodType<HttpAction, HttpAction>;
  return defineAction({
    type: 'http',
    schema,
    async run(action, context): Promise<HttpResponseInfo> {
      if (!fetchFn) throw new HttpActionError('HTTP_NETWORK', 'no fetch is available: pass the "fetch" option');
      const request = prepare(action, context, settings);
      if (!hasHeader(request.headers, 'idempotency-key')) request.headers['idempotency-key'] = `${context.runId}:${context.path}`;
      const info = await sendWithRetries(request, {
        fetch: fetchFn,
        maxResponseBytes,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      if (action.saveAs !== undefined) context.setVariable(action.saveAs, info as unknown as JsonValue);
      return info;
    },
    preview(action, context) {
      try {
        // The description holds the method and the URL (or the target's name), never a header.
        const request = prepare(action, context, settings);
        return { description: `http ${request.method} ${request.label}${action.saveAs ? ` → vars.${action.saveAs}` : ''}` };
      } catch (error) {
        return {
          description: `http ${action.method ?? ''} ${action.target ? `target "${action.target}"` : (action.url ?? '')}`.replace(
            /\s+/g,
            ' ',
          ),
          problem: (error as Error).message,
        };
      }
    },
  });
}
