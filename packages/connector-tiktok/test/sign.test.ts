import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, startTikTokFake } from '@vmsc/testing';
import { SignApiError } from '../src/index.js';
import { cookieHeaderFrom, fetchSignedConnection, type SignRequest } from '../src/sign.js';

afterEach(async () => {
  await closeAllFakes();
});

describe('Sign API call', () => {
  it('turns X-Set-TT-Cookie into a Cookie header, attributes dropped', () => {
    expect(cookieHeaderFrom('ttwid=1%7Cabc; Path=/; Domain=.tiktok.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT, msToken=xyz; Secure')).toBe(
      'ttwid=1%7Cabc; msToken=xyz',
    );
  });

  it.each([
    [{ kind: 'status', status: 503 } as const, /HTTP 503/],
    [{ kind: 'no-cookies' } as const, /X-Set-TT-Cookie/],
    [{ kind: 'empty-body' } as const, /empty body/],
    [{ kind: 'no-cursor' } as const, /no cursor/],
  ])('%o → SignApiError (retryable)', async (failure, message) => {
    const fake = await startTikTokFake();
    fake.failSign(failure);
    const request: SignRequest = {
      url: fake.url,
      apiKey: undefined,
      roomId: fake.roomId,
      cursor: '',
      userAgent: 'UA',
      client: 'vmsc',
      legacyPath: false,
      sessionCookie: undefined,
      timeoutMs: 2_000,
    };
    const error = await fetchSignedConnection(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignApiError);
    expect((error as Error).message).toMatch(message);
    const ok = await fetchSignedConnection(request);
    expect(ok.fetchResult.pushServer).toBe(fake.wsUrl);
    expect(ok.roomId).toBe(fake.roomId);
  });
});
