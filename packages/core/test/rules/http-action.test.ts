import { afterEach, describe, expect, it } from 'vitest';
import {
  HttpActionError,
  RuleEngine,
  EventBus,
  httpAction,
  validateRules,
  ActionRegistry,
  ValidationError,
  type RuleRunResult,
} from '@vmsc/core';
import { closeAllFakes, startWebhookReceiver as webhook } from '@vmsc/testing';
import { chat, rule } from './helpers.js';

afterEach(() => closeAllFakes());

/** An engine with the http action and one rule, run once for a chat event; resolves with the run. */
async function runOnce(options: Parameters<typeof httpAction>[0], actions: unknown[]): Promise<RuleRunResult> {
  const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined, actions: [httpAction(options)] });
  const added = engine.addRule(rule({ trigger: { types: ['chat'] }, actions: actions as never }));
  const run = await engine.trigger(added.id, chat('hello world & more', { id: '42', username: 'alice/../x', nickname: 'Alice' }));
  engine.close();
  return run;
}

describe('the http action', () => {
  it('sends a templated JSON body and query, encodes path values, stores the answer for the next action', async () => {
    const hook = await webhook({ answer: { status: 201, json: { id: 'hook-1', ok: true } } });
    const run = await runOnce({ allowHosts: [hook.host] }, [
      {
        type: 'http',
        url: `${hook.url}/users/{{user.username}}/hook`,
        query: { msg: '{{data.message}}', n: 3 },
        headers: { 'X-Platform': '{{source}}' },
        json: { user: '{{user.nickname}}', message: '{{data.message}}' },
        saveAs: 'hook',
      },
      { type: 'setVariable', name: 'got', value: '{{vars.hook.json.id}} {{vars.hook.status}}' },
    ]);
    expect(run.outcome).toBe('completed');
    const [request] = hook.requests;
    expect(request!.method).toBe('POST');
    // The username's "/" and ".." are encoded: they cannot leave the path segment.
    expect(request!.url).toBe('/users/alice%2F..%2Fx/hook?msg=hello+world+%26+more&n=3');
    expect(request!.headers['x-platform']).toBe('twitch');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe(`${run.runId}:actions[0]`);
    expect(JSON.parse(request!.body)).toEqual({ user: 'Alice', message: 'hello world & more' });
    expect(run.actions[0]).toMatchObject({
      status: 'ok',
      output: { status: 201, ok: true, json: { id: 'hook-1', ok: true }, attempts: 1 },
    });
    expect(run.actions[1]).toMatchObject({ status: 'ok', output: 'hook-1 201' });
  });

  it('sends a text body, and GET without a body', async () => {
    const hook = await webhook({ answer: { status: 200, text: 'pong' } });
    const run = await runOnce({ allowHosts: ['127.0.0.1'] }, [
      { type: 'http', url: `${hook.url}/say`, text: '{{user.nickname}} says {{data.message}}' },
      { type: 'http', url: `${hook.url}/ping`, saveAs: 'ping' },
    ]);
    expect(run.outcome).toBe('completed');
    expect(hook.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/say', 'Alice says hello world & more'],
      ['GET', '/ping', ''],
    ]);
    expect(run.actions[1]!.output).toEqual({ status: 200, ok: true, text: 'pong', attempts: 1 });
  });

  it('fails on a 4xx without retrying, with the status in a typed error', async () => {
    const hook = await webhook({ answer: { status: 404, json: { error: 'no such hook' } } });
    const run = await runOnce({ allowHosts: [hook.host] }, [{ type: 'http', url: `${hook.url}/x`, json: {}, retries: 3, retryDelayMs: 1 }]);
    expect(run.outcome).toBe('failed');
    expect(hook.requests).toHaveLength(1);
    expect(run.error).toBeInstanceOf(HttpActionError);
    expect(run.error).toMatchObject({ code: 'HTTP_STATUS', status: 404, attempts: 1 });
    expect(run.error!.message).toMatch(/answered 404: \{"error":"no such hook"\}/);
    expect(run.actions[0]).toMatchObject({ status: 'failed' });
  });

  it('retries a 5xx and a 429 (Retry-After), then succeeds', async () => {
    const hook = await webhook({ answer: { status: 200, json: { done: true } } });
    hook.answerNext({ status: 503, json: { error: 'busy' } });
    hook.answerNext({ status: 429, json: { error: 'slow down' }, headers: { 'retry-after': '0' } });
    const run = await runOnce({ allowHosts: [hook.host] }, [{ type: 'http', url: `${hook.url}/x`, json: {}, retries: 2, retryDelayMs: 5 }]);
    expect(run.outcome).toBe('completed');
    expect(hook.requests).toHaveLength(3);
    // One idempotency key for the three attempts.
    expect(new Set(hook.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(run.actions[0]!.output).toMatchObject({ status: 200, attempts: 3 });
  });

  it('gives up after the retries on a 5xx', async () => {
    const hook = await webhook({ answer: { status: 500, json: { error: 'down' } } });
    const run = await runOnce({ allowHosts: [hook.host] }, [{ type: 'http', url: `${hook.url}/x`, retries: 2, retryDelayMs: 1 }]);
    expect(hook.requests).toHaveLength(3);
    expect(run.error).toMatchObject({ code: 'HTTP_STATUS', status: 500, attempts: 3 });
  });

  it('times out a server that does not answer, on every attempt', async () => {
    const hook = await webhook({ answer: 'hang' }); // never answers
    const run = await runOnce({ allowHosts: [hook.host] }, [
      { type: 'http', url: `${hook.url}/slow`, timeoutMs: 100, retries: 1, retryDelayMs: 1 },
    ]);
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ code: 'HTTP_TIMEOUT', attempts: 2 });
    expect(run.error!.message).toMatch(/no answer within 100 ms/);
    expect(hook.requests).toHaveLength(2);
  });

  it('reports a refused connection as HTTP_NETWORK', async () => {
    const hook = await webhook();
    const url = hook.url;
    await hook.close();
    const run = await runOnce({ allowHosts: ['127.0.0.1'] }, [{ type: 'http', url: `${url}/gone`, retries: 0 }]);
    expect(run.error).toMatchObject({ code: 'HTTP_NETWORK', attempts: 1 });
  });

  it('refuses, by path, a host outside the allow-list and a template in the origin', () => {
    const registry = new ActionRegistry();
    registry.register(httpAction({ allowHosts: ['hooks.example.com', '127.0.0.1:9000', '*.example.org'] }));
    const rules = [
      rule({ actions: [{ type: 'http', url: 'https://evil.example.net/x' }] as never }),
      rule({ actions: [{ type: 'http', url: 'https://{{data.host}}/x' }] as never }),
      rule({ actions: [{ type: 'http', url: 'http://127.0.0.1:9001/x' }] as never }),
      rule({ actions: [{ type: 'http', url: 'ftp://hooks.example.com/x' }] as never }),
      rule({ actions: [{ type: 'http', url: 'https://example.org/x' }] as never }),
      rule({ actions: [{ type: 'http', url: 'https://a.example.org/{{user.id}}', headers: { Authorization: 'Bearer abc' } }] as never }),
      rule({
        actions: [
          { type: 'http', url: 'https://hooks.example.com/ok?u={{user.id}}' },
          { type: 'http', url: 'http://127.0.0.1:9000/' },
        ] as never,
      }),
    ];
    const result = validateRules(rules, { actions: registry });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(issues).toEqual([
      expect.stringMatching(/^\[0\]\.actions\[0\]\.url: host evil\.example\.net is not in the allow-list/),
      expect.stringMatching(
        /^\[1\]\.actions\[0\]\.url: templates may go in the path, query and fragment, never in the scheme, host or port/,
      ),
      expect.stringMatching(/^\[2\]\.actions\[0\]\.url: host 127\.0\.0\.1:9001 is not in the allow-list/),
      expect.stringMatching(/^\[3\]\.actions\[0\]\.url: must be an absolute http/),
      expect.stringMatching(/^\[4\]\.actions\[0\]\.url: host example\.org is not in the allow-list/),
      expect.stringMatching(/^\[5\]\.actions\[0\]\.headers\.Authorization: "Authorization" carries a credential/),
    ]);
  });

  it('checks the allow-list again before calling (an engine given other rules cannot slip past it)', async () => {
    const hook = await webhook({ answer: { status: 200, json: {} } });
    // Validation and run share the action's options: the URL is checked against them at run time too.
    const definition = httpAction({ allowHosts: ['hooks.example.com'] });
    const context = {
      event: undefined,
      rule: { id: 'r', name: 'r' },
      runId: 'run',
      path: 'actions[0]',
      render: (value: unknown) => value,
      getVariable: () => undefined,
      setVariable: () => undefined,
      log: () => undefined,
      skip: () => {
        throw new Error('not skipped');
      },
    };
    await expect(definition.run({ type: 'http', url: `${hook.url}/x` }, context as never)).rejects.toMatchObject({
      code: 'HTTP_HOST_NOT_ALLOWED',
    });
    expect(hook.requests).toHaveLength(0);
  });

  it('sends secret headers from the environment and never shows them in errors, reports or explain', async () => {
    const SECRET = 'sk_live_very_secret_value';
    const hook = await webhook({
      answer: (request) => ({ status: 401, json: { error: 'bad token', echo: request.headers.authorization } }),
    });
    const engine = new RuleEngine({
      bus: new EventBus(),
      logger: () => undefined,
      actions: [httpAction({ allowHosts: [hook.host], env: { HOOK_TOKEN: SECRET } })],
    });
    const added = engine.addRule(
      rule({
        trigger: { types: ['chat'] },
        actions: [
          { type: 'http', url: `${hook.url}/x`, secretHeaders: { Authorization: { env: 'HOOK_TOKEN', prefix: 'Bearer ' } } },
        ] as never,
      }),
    );
    const event = chat('!hook');
    const run = await engine.trigger(added.id, event);
    expect(hook.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(run.error).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
    const explained = engine.explain(added.id, event);
    const everything = [
      JSON.stringify(run),
      String(run.error),
      run.error!.message,
      run.error!.stack,
      JSON.stringify(explained),
      JSON.stringify(added),
    ].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain('[secret]'); // the server echoed it; the message scrubbed it
    engine.close();
  });

  it('fails with HTTP_SECRET_MISSING naming the variable when it is not set, without calling', async () => {
    const hook = await webhook({ answer: { status: 200, json: {} } });
    const run = await runOnce({ allowHosts: [hook.host], env: {} }, [
      { type: 'http', url: `${hook.url}/x`, secretHeaders: { 'X-Token': { env: 'MISSING_TOKEN' } } },
    ]);
    expect(run.error).toMatchObject({ code: 'HTTP_SECRET_MISSING' });
    expect(run.error!.message).toMatch(/MISSING_TOKEN/);
    expect(hook.requests).toHaveLength(0);
  });

  it('calls a configured target by name, never showing its URL (a webhook URL is a credential)', async () => {
    const hook = await webhook({ answer: { status: 500, json: { error: 'down' } } });
    const targetUrl = `${hook.url}/api/webhooks/123/super-secret-token`;
    const run = await runOnce({ allowHosts: [], targets: { discord: { url: targetUrl } } }, [
      { type: 'http', target: 'discord', url: '?wait=true', json: { content: '{{user.nickname}} followed!' }, retries: 0 },
    ]);
    expect(hook.requests[0]!.url).toBe('/api/webhooks/123/super-secret-token?wait=true');
    expect(run.error).toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    expect(run.error!.message).toMatch(/target "discord" answered 500/);
    expect(JSON.stringify(run) + run.error!.message).not.toContain('super-secret-token');

    const registry = new ActionRegistry();
    registry.register(httpAction({ allowHosts: [], targets: { discord: { url: targetUrl } } }));
    const result = validateRules(
      [
        rule({
          actions: [
            { type: 'http', target: 'slack' },
            { type: 'http', target: 'discord', url: 'https://other.example.com/' },
          ] as never,
        }),
      ],
      { actions: registry },
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['[0].actions[0].target', '[0].actions[1].url']);
  });

  it('caps the answer it keeps', async () => {
    const hook = await webhook({ answer: { status: 200, json: { big: 'x'.repeat(5_000) } } });
    const run = await runOnce({ allowHosts: [hook.host], maxResponseBytes: 100 }, [{ type: 'http', url: `${hook.url}/big` }]);
    expect(run.actions[0]!.output).toMatchObject({ status: 200, truncated: true });
    expect((run.actions[0]!.output as { text: string }).text).toHaveLength(100);
  });

  it('refuses invalid options', () => {
    expect(() => httpAction({ allowHosts: ['not a host!'] })).toThrow(ValidationError);
    expect(() => httpAction({ allowHosts: [], targets: { x: { url: 'ftp://x' } } })).toThrow(ValidationError);
  });
});
