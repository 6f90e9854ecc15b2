import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, startWebhookReceiver } from '../src/index.js';

afterEach(() => closeAllFakes());

describe('startWebhookReceiver', () => {
  it('records each call with its JSON body and answers the default, then scripted answers in order', async () => {
    const hook = await startWebhookReceiver({ answer: { status: 200, json: { ok: true } } });
    hook.answerNext({ status: 503, text: 'busy' });
    const first = await fetch(`${hook.url}/a?x=1`, { method: 'POST', body: JSON.stringify({ n: 1 }), headers: { 'x-test': 'yes' } });
    expect([first.status, await first.text()]).toEqual([503, 'busy']);
    const second = await fetch(`${hook.url}/b`, { method: 'PUT', body: 'plain' });
    expect([second.status, await second.json()]).toEqual([200, { ok: true }]);
    expect(hook.requests.map((r) => [r.method, r.url, r.json ?? r.body, r.headers['x-test']])).toEqual([
      ['POST', '/a?x=1', { n: 1 }, 'yes'],
      ['PUT', '/b', 'plain', undefined],
    ]);
  });

  it('can drop the connection or never answer', async () => {
    const hook = await startWebhookReceiver({ answer: 'drop' });
    await expect(fetch(`${hook.url}/x`)).rejects.toThrow();
    hook.answerNext('hang');
    await expect(fetch(`${hook.url}/y`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(hook.requests).toHaveLength(2);
  });
});
