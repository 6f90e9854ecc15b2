import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact, Secret } from '@vmsc/core';

describe('Secret', () => {
  it('never prints its value', () => {
    const secret = new Secret('oauth:abcd1234secret');
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain('abcd1234');
    expect(secret.reveal()).toBe('oauth:abcd1234secret');
  });

  it('redact removes secrets from text', () => {
    expect(redact('wss://x/?token=abcd1234secret&a=1', [new Secret('abcd1234secret')])).toBe('wss://x/?token=[redacted]&a=1');
  });
});
