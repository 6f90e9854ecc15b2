import { describe, expect, expectTypeOf, it } from 'vitest';
import { AuthError, isVmscError, NotFoundError, RateLimitedError, RuleNotFoundError, VmscError } from '@vmsc/core';

describe('error checks by brand', () => {
  it('isVmscError narrows to the named core class; instanceof narrows as before', () => {
    const error: unknown = new RateLimitedError('slow down', { retryAfterMs: 1_000 });
    if (isVmscError(error, 'RateLimitedError')) expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (isVmscError(error)) expectTypeOf(error).toEqualTypeOf<VmscError>();
    if (isVmscError(error, 'RuleNotFoundError')) expectTypeOf(error.idOrName).toEqualTypeOf<string>();
    // @ts-expect-error: a name outside VmscErrorsByName narrows to VmscError only
    if (isVmscError(error, 'KickChannelNotFoundError')) expectTypeOf(error.idOrName).toEqualTypeOf<string>();
    if (error instanceof RateLimitedError) expectTypeOf(error).toEqualTypeOf<RateLimitedError>();
    expect(isVmscError(error, 'RateLimitedError')).toBe(true);
    expect(isVmscError(error, 'VmscError')).toBe(true);
    expect(isVmscError(error, 'AuthError')).toBe(false);
    expect(isVmscError(new Error('plain'))).toBe(false);
    expect(isVmscError('RateLimitedError')).toBe(false);
  });

  it('subclasses are recognised by their class name, with no code of their own', () => {
    class KickChannelNotFoundError extends NotFoundError {}
    const rule = new RuleNotFoundError('big gifts');
    const kick = new KickChannelNotFoundError('no channel xqc');
    expect(kick.name).toBe('KickChannelNotFoundError');
    expect(isVmscError(kick, 'KickChannelNotFoundError') && isVmscError(kick, 'NotFoundError')).toBe(true);
    expect([rule instanceof NotFoundError, kick instanceof VmscError, kick instanceof AuthError]).toEqual([true, true, false]);
    // The brand is not enumerable: errors still print and serialise as before.
    expect(Object.keys(kick)).toEqual(['code', 'name']);
  });

  it("core's class names are registered, so a minifier renaming a class changes nothing", () => {
    const original = Object.getOwnPropertyDescriptor(AuthError, 'name')!;
    class Renamed extends AuthError {}
    Object.defineProperty(AuthError, 'name', { value: 'a' });
    try {
      const error = new Renamed('bad token');
      expect(isVmscError(error, 'AuthError')).toBe(true);
      expect(error instanceof AuthError).toBe(true);
    } finally {
      Object.defineProperty(AuthError, 'name', original);
    }
  });
});
