import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, startKickApiFake } from '@vmsc/testing';

afterEach(() => closeAllFakes());

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(`${url}/public/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as unknown };
}

describe('Kick API fake: POST /public/v1/chat', () => {
  it('checks the bearer token, validates the body, records the message and answers its id as Kick does', async () => {
    const api = await startKickApiFake({ chatToken: 'tok' });
    expect(await post(api.url, { content: 'hi', type: 'bot' })).toMatchObject({ status: 401, json: { message: 'Unauthorized' } });
    expect(await post(api.url, { content: 'hi', type: 'bot' }, 'other')).toMatchObject({ status: 401 });
    expect(await post(api.url, { content: 'hi', type: 'user' }, 'tok')).toMatchObject({
      status: 400,
      json: { message: 'broadcaster_user_id is required when type is "user"' },
    });
    expect(await post(api.url, { content: 'x'.repeat(501), type: 'bot' }, 'tok')).toMatchObject({ status: 400 });
    expect(await post(api.url, { content: '', type: 'bot' }, 'tok')).toMatchObject({ status: 400 });
    expect(await post(api.url, { content: 'hi', type: 'admin' }, 'tok')).toMatchObject({ status: 400 });
    expect(await post(api.url, 'not json', 'tok')).toMatchObject({ status: 400 });
    const ok = await post(api.url, { content: 'hi', type: 'user', broadcaster_user_id: 676, reply_to_message_id: 'm1' }, 'tok');
    expect(ok).toMatchObject({ status: 200, json: { data: { is_sent: true, message_id: expect.any(String) }, message: 'OK' } });
    expect(api.chatMessages).toEqual([
      {
        body: { content: 'hi', type: 'user', broadcaster_user_id: 676, reply_to_message_id: 'm1' },
        messageId: (ok.json as { data: { message_id: string } }).data.message_id,
      },
    ]);
  });

  it('answers queued failures (403 with a message, 429 with Retry-After) the given number of times, without sending', async () => {
    const api = await startKickApiFake();
    api.failNextChat({ status: 403, message: 'Request blocked by security policy.' });
    api.failNextChat({ status: 429, retryAfter: '2', times: 2 });
    const body = { content: 'hi', type: 'bot' };
    expect(await post(api.url, body, 'kick-test-token')).toMatchObject({
      status: 403,
      json: { message: 'Request blocked by security policy.' },
    });
    expect(await post(api.url, body, 'kick-test-token')).toMatchObject({ status: 429, retryAfter: '2' });
    expect(await post(api.url, body, 'kick-test-token')).toMatchObject({ status: 429, retryAfter: '2' });
    expect(api.chatMessages).toHaveLength(0);
    expect(await post(api.url, body, 'kick-test-token')).toMatchObject({ status: 200 });
    expect(api.chatMessages).toHaveLength(1);
  });
});
