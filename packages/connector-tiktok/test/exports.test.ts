import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public entry of @vmsc/connector-tiktok', () => {
  it('keeps the connector internals out (client frames, URL builder, cookie parser, normalizer helpers)', () => {
    for (const name of [
      'encodeAckFrame',
      'encodeEnterRoomFrame',
      'encodeHeartbeatFrame',
      'buildWebSocketUrl',
      'cookieHeaderFrom',
      'isGzip',
      'unknownMethodEvent',
      'giftData',
      'socialKind',
      'CONTROL_ACTION',
      'normalizeUser',
      'normalizeUniqueId',
    ]) {
      expect(api, name).not.toHaveProperty(name);
    }
  });

  it('keeps what a user needs: the connector, its errors and the offline decoders', () => {
    for (const name of [
      'TikTokConnector',
      'TikTokUserOfflineError',
      'decodeWebcastFrame',
      'decodeWebcastMessage',
      'normalizeWebcastMessage',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });
});
