import { describe, expect, it } from 'vitest';
import { AuthError, ConnectionError, parseEvent, ProtocolError, RateLimitedError, type StreamEvent } from '@vmsc/core';
import { heartrateFixtures as fx } from '@vmsc/testing';
import { classifyPulsoidError } from '../src/errors.js';
import { decodePhoenixFrame, encodePhoenixMessage } from '../src/normalize/phoenix.js';
import {
  normalizeHypeRateFrame,
  normalizePulsoidFrame,
  PulsoidAuthError,
  type HeartRateEvent,
  type HypeRateFrameResult,
  type PulsoidFrameResult,
} from '../src/index.js';

const RECEIVED = 1_700_000_000_000;

function valid(event: StreamEvent): void {
  const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
  expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
}

function eventOf(result: PulsoidFrameResult | HypeRateFrameResult): HeartRateEvent {
  if (result.kind !== 'event') throw new Error(`expected an event, got ${result.kind}`);
  valid(result.event);
  return result.event;
}

function bpmOf(result: PulsoidFrameResult | HypeRateFrameResult) {
  const event = eventOf(result);
  if (event.type !== 'bpm_update') throw new Error(`expected bpm_update, got ${event.type}`);
  return event.data;
}

describe('normalizePulsoidFrame', () => {
  it('maps the documented JSON message, keeping the sensor time', () => {
    const event = eventOf(normalizePulsoidFrame(fx.pulsoidMessage, RECEIVED));
    expect(event).toMatchObject({
      source: 'heartrate',
      type: 'bpm_update',
      data: { bpm: 40, measuredAt: 1625310655000, provider: 'pulsoid' },
    });
    expect(event.data).not.toHaveProperty('inactive');
    expect(event.raw).toEqual(JSON.parse(fx.pulsoidMessage));
  });

  it('maps the text_plain_only_heart_rate frame, measured at receipt', () => {
    const event = eventOf(normalizePulsoidFrame(fx.pulsoidPlainMessage, RECEIVED));
    expect(event.data).toEqual({ bpm: 123, measuredAt: RECEIVED, provider: 'pulsoid' });
  });

  it('publishes 0 bpm flagged inactive instead of dropping it', () => {
    const event = eventOf(normalizePulsoidFrame('{"measured_at":1625310655000,"data":{"heart_rate":0}}', RECEIVED));
    expect(event.data).toEqual({ bpm: 0, measuredAt: 1625310655000, provider: 'pulsoid', inactive: true });
    expect(eventOf(normalizePulsoidFrame('0', RECEIVED)).data).toMatchObject({ bpm: 0, inactive: true });
  });

  it('falls back to the time of receipt when measured_at is missing or invalid', () => {
    expect(bpmOf(normalizePulsoidFrame('{"data":{"heart_rate":71}}', RECEIVED)).measuredAt).toBe(RECEIVED);
    expect(bpmOf(normalizePulsoidFrame('{"measured_at":"soon","data":{"heart_rate":71}}', RECEIVED)).measuredAt).toBe(RECEIVED);
  });

  it('surfaces a message without a reading as unknown, with the reason', () => {
    for (const text of [
      '{"measured_at":1625310655000,"data":{}}',
      '{"measured_at":1,"data":{"heart_rate":null}}',
      '{"data":{"heart_rate":-5}}',
      '[1,2]',
    ]) {
      const event = eventOf(normalizePulsoidFrame(text, RECEIVED));
      expect(event.type).toBe('unknown');
      if (event.type === 'unknown') {
        expect(event.data.payload).toEqual(JSON.parse(text));
        expect(event.data.reason).toBeTruthy();
      }
    }
  });

  it('turns an error body into a typed error (string and number codes)', () => {
    const asString = normalizePulsoidFrame(JSON.stringify(fx.pulsoidError7010), RECEIVED);
    expect(asString.kind).toBe('error');
    if (asString.kind === 'error') {
      expect(asString.fatal).toBe(true);
      expect(asString.error).toBeInstanceOf(PulsoidAuthError);
      expect((asString.error as PulsoidAuthError).pulsoidCode).toBe(7010);
      expect(asString.error.code).toBe('PULSOID_7010');
    }
    const asNumber = normalizePulsoidFrame(JSON.stringify(fx.pulsoidError7005), RECEIVED);
    expect(asNumber.kind === 'error' && asNumber.error.code).toBe('PULSOID_7005');
  });

  it('reports a frame that is neither JSON nor a number as malformed', () => {
    const result = normalizePulsoidFrame('<html>502 Bad Gateway</html>', RECEIVED);
    expect(result.kind).toBe('malformed');
    if (result.kind === 'malformed') {
      expect(result.error).toBeInstanceOf(ProtocolError);
      expect(result.error.message).toContain('502 Bad Gateway');
    }
  });
});

describe('classifyPulsoidError', () => {
  it.each([
    [403, 7005, 'PULSOID_7005'],
    [403, 7006, 'PULSOID_7006'],
    [402, 7007, 'PULSOID_7007'],
    [403, 7009, 'PULSOID_7009'],
    [403, 7010, 'PULSOID_7010'],
    [400, 7011, 'PULSOID_7011'],
  ])('HTTP %i with code %i is a fatal auth error %s', (status, code, expected) => {
    const { error, fatal } = classifyPulsoidError(status, { error_code: code });
    expect(fatal).toBe(true);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe(expected);
    expect((error as PulsoidAuthError).httpStatus).toBe(status);
  });

  it.each([
    [403, 7005, 'does not exist'],
    [403, 7006, 'has expired'],
    [402, 7007, 'premium required'],
    [403, 7009, 'header is missing'],
    [403, 7010, 'header is malformed'],
    [400, 7011, 'lacks the scope data:heart_rate:read'],
    [500, 7001, 'could not validate the token'],
  ])('HTTP %i with code %i says what the code means (%s)', (status, code, meaning) => {
    const { error } = classifyPulsoidError(status, { error_code: code });
    expect(error.message).toContain(meaning);
    if (code !== 7005 && code < 7009) expect(error.message).not.toContain('was refused');
  });

  it('names an unknown code, and says a bare 401 refused the token', () => {
    expect(classifyPulsoidError(403, { error_code: 7099 }).error.message).toContain('unknown Pulsoid error code 7099');
    expect(classifyPulsoidError(503, { error_code: 7123 }).error.message).toContain('unknown Pulsoid error code 7123');
    expect(classifyPulsoidError(401, undefined).error.message).toContain('the access token was refused');
  });

  it('adds the Bearer hint only when told the token has that prefix', () => {
    expect(classifyPulsoidError(403, { error_code: 7010 }, undefined, { tokenHasBearerPrefix: true }).error.message).toContain(
      'starts with "Bearer "',
    );
    expect(classifyPulsoidError(403, { error_code: 7010 }).error.message).not.toContain('starts with');
  });

  it('treats a bare 401 as fatal, 5xx/7001 and unknown statuses as retryable, 429 as rate limited', () => {
    expect(classifyPulsoidError(401, undefined).fatal).toBe(true);
    const server = classifyPulsoidError(500, { error_code: 7001, error_message: 'error_while_validating_token' });
    expect(server.fatal).toBe(false);
    expect(server.error).toBeInstanceOf(ConnectionError);
    expect(server.error.code).toBe('PULSOID_7001');
    expect(classifyPulsoidError(502, undefined)).toMatchObject({ fatal: false });
    const limited = classifyPulsoidError(429, undefined, 3_000);
    expect(limited.fatal).toBe(false);
    expect(limited.error).toBeInstanceOf(RateLimitedError);
    expect((limited.error as RateLimitedError).retryAfterMs).toBe(3_000);
  });
});

describe('normalizeHypeRateFrame', () => {
  it.each([
    [fx.hypeRateHrUpdate, 79, 'internal-testing'],
    [fx.hypeRateHrUpdateReal, 59, 'Rhl'],
  ])('maps hr_update %s', (frame, bpm, channel) => {
    const event = eventOf(normalizeHypeRateFrame(frame, RECEIVED));
    expect(event).toMatchObject({ type: 'bpm_update', data: { bpm, measuredAt: RECEIVED, provider: 'hyperate' }, meta: { channel } });
  });

  it('publishes hr: 0 as an inactive reading', () => {
    const event = eventOf(normalizeHypeRateFrame(fx.hypeRateHrUpdateZero, RECEIVED));
    expect(event.data).toEqual({ bpm: 0, measuredAt: RECEIVED, provider: 'hyperate', inactive: true });
  });

  it('surfaces an hr_update without a usable hr as unknown', () => {
    const event = eventOf(normalizeHypeRateFrame('{"event":"hr_update","payload":{},"ref":null,"topic":"hr:x"}', RECEIVED));
    expect(event.type).toBe('unknown');
    expect(event.type === 'unknown' && event.data.kind).toBe('hr_update');
  });

  it('surfaces clip:created (and any other broadcast) as unknown', () => {
    const event = eventOf(normalizeHypeRateFrame(fx.hypeRateClipCreated, RECEIVED));
    expect(event).toMatchObject({ type: 'unknown', data: { kind: 'clip:created' }, meta: { channel: 'internal-testing' } });
  });

  it('decodes replies: join ok, heartbeat ok, join error with reason', () => {
    expect(normalizeHypeRateFrame(fx.hypeRateJoinReply, RECEIVED)).toMatchObject({
      kind: 'reply',
      topic: 'hr:Rhl',
      ref: '0',
      status: 'ok',
    });
    expect(normalizeHypeRateFrame(fx.hypeRateHeartbeatReply, RECEIVED)).toMatchObject({ kind: 'reply', topic: 'phoenix', status: 'ok' });
    expect(normalizeHypeRateFrame(fx.hypeRateJoinErrorReply, RECEIVED)).toMatchObject({
      kind: 'reply',
      topic: 'hr:',
      status: 'error',
      reason: 'unmatched topic',
    });
  });

  it('decodes phx_error and phx_close as a lost channel', () => {
    expect(normalizeHypeRateFrame('{"event":"phx_error","payload":{},"ref":null,"topic":"hr:x"}', RECEIVED)).toEqual({
      kind: 'channel_lost',
      topic: 'hr:x',
      event: 'phx_error',
    });
  });

  it('accepts the V2 array form [join_ref, ref, topic, event, payload]', () => {
    const event = eventOf(normalizeHypeRateFrame('[null,null,"hr:abc","hr_update",{"hr":64}]', RECEIVED));
    expect(event).toMatchObject({ type: 'bpm_update', data: { bpm: 64 }, meta: { channel: 'abc' } });
  });

  it('reports frames that are not Phoenix messages as malformed', () => {
    for (const text of ['not json', '{"event":"hr_update"}', '[1,2,3]', '42']) {
      const result = normalizeHypeRateFrame(text, RECEIVED);
      expect(result.kind).toBe('malformed');
      expect(result.kind === 'malformed' && result.error).toBeInstanceOf(ProtocolError);
    }
  });
});

describe('Phoenix codec', () => {
  it('round-trips the documented client messages', () => {
    for (const frame of [fx.hypeRateJoin, fx.hypeRateHeartbeat, fx.hypeRateLeave]) {
      const decoded = decodePhoenixFrame(frame);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(JSON.parse(encodePhoenixMessage(decoded.message))).toEqual(JSON.parse(frame));
    }
  });
});
