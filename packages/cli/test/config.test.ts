import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@vmsc/core';
import { loadConfig, parseConfig, readCredential } from '../src/config/load-config.js';
import { EVERY_CONNECTOR } from './every-connector.js';

describe('hub configuration', () => {
  it('fills defaults for an empty config', () => {
    const config = parseConfig({});
    expect(config.server).toMatchObject({ enabled: true, port: 7895, host: '127.0.0.1', tokenEnv: 'VMSC_TOKEN', maxConnections: 10 });
    expect(config.journal).toEqual({ enabled: true, dir: 'journal' });
    expect(config.connectors).toEqual([]);
  });

  it('accepts every connector type with credentials named by environment variable', () => {
    const config = parseConfig({
      connectors: EVERY_CONNECTOR,
    });
    expect(config.connectors.map((connector) => connector.type)).toHaveLength(9);
  });

  it('rejects plain-text credentials and names every problem with its path and the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-config-'));
    const file = join(dir, 'vmsc.config.json');
    await writeFile(
      file,
      JSON.stringify({
        server: { port: 99999 },
        connectors: [{ type: 'streamelements', token: 'eyJhbGciOi.secret.jwt' }, { type: 'teleport' }, { type: 'kick' }],
      }),
    );
    const error = await loadConfig(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, message } = error as ValidationError;
    expect(message).toContain(file);
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['connectors.0.token', 'server.port', 'connectors.1.type', 'connectors.2.channel']));
    expect(message).not.toContain('eyJhbGciOi.secret.jwt');
    expect(issues.find((issue) => issue.path === 'connectors.0.token')?.message).toMatch(/environment variable.*tokenEnv/);
  });

  it('reports a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-config-'));
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "connectors": [ }');
    await expect(loadConfig(file)).rejects.toThrow(/not valid JSON/);
  });

  it('reads credentials from the environment, naming the variable but never a value', () => {
    expect(readCredential({ SE_JWT: 'abc' }, 'SE_JWT', 'StreamElements JWT')).toBe('abc');
    expect(() => readCredential({}, 'SE_JWT', 'StreamElements JWT')).toThrow(/SE_JWT/);
  });
});

describe('connectors from the config', () => {
  it('builds every connector type, credentials from the environment', async () => {
    const { createConnector } = await import('../src/hub/create-connector.js');
    const { EventBus } = await import('@vmsc/core');
    const bus = new EventBus();
    const env = {
      TW_ID: 'id',
      TW_TOKEN: 'tok',
      YT_KEY: 'key',
      SL: 'sl',
      SE: 'se',
      PULSOID: 'p',
      HR: 'h',
      SIGN: 's',
    };
    const config = parseConfig({
      connectors: [
        { type: 'kick', channel: 'xqc', chatroomId: 668, channelId: 676 },
        { type: 'twitch', broadcaster: 'twitchdev', clientIdEnv: 'TW_ID', tokenEnv: 'TW_TOKEN' },
        { type: 'youtube', videoId: 'jfKfPfyJRdk', apiKeyEnv: 'YT_KEY' },
        { type: 'tiktok', uniqueId: 'someone', signApiKeyEnv: 'SIGN' },
        { type: 'streamlabs', socketTokenEnv: 'SL' },
        { type: 'streamelements', tokenEnv: 'SE' },
        { type: 'pulsoid', tokenEnv: 'PULSOID' },
        { type: 'hyperate', deviceId: 'ABC1', apiKeyEnv: 'HR' },
        { type: 'custom-ws', url: 'ws://127.0.0.1:9', source: 'multistreamer', preset: 'multistreamer' },
        { type: 'custom-ws', url: 'ws://127.0.0.1:9', source: 'game', mapping: { type: { const: 'chat' }, 'data.message': '$.text' } },
      ],
    });
    const connectors = config.connectors.map((entry, index) => createConnector(entry, { bus, env, index }));
    expect(connectors.map((connector) => connector.source)).toEqual([
      'kick',
      'twitch',
      'youtube',
      'tiktok',
      'streamlabs',
      'streamelements',
      'heartrate',
      'heartrate',
      expect.any(String),
      'game',
    ]);
    for (const connector of connectors) expect(connector.status).toBe('disconnected');
    const youtubeWithoutTarget = parseConfig({ connectors: [{ type: 'youtube', apiKeyEnv: 'YT_KEY' }] }).connectors[0]!;
    expect(() => createConnector(youtubeWithoutTarget, { bus, env, index: 0 })).toThrow(/videoId, liveChatId or mine/);
  });
});
