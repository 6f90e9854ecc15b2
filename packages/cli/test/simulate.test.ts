import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, RuleEngine } from '@vmsc/core';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { waitForEvent } from '@vmsc/testing';
import { parseDataPairs, simulateCommand } from '../src/commands/simulate.js';
import { captureIo } from './io.js';

describe('vmsc simulate', () => {
  let server: CustomWsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('parses --data pairs into typed, nested data', () => {
    expect(parseDataPairs(['giftName=Rose', 'giftId=5655', 'repeatEnd=true', 'fromBroadcaster.id=12', 'note=hello world'])).toEqual({
      giftName: 'Rose',
      giftId: 5655,
      repeatEnd: true,
      fromBroadcaster: { id: 12 },
      note: 'hello world',
    });
    expect(() => parseDataPairs(['novalue'])).toThrow(/key=value/);
  });

  it('injects a simulated event into a running hub through its custom WS server', async () => {
    const bus = new EventBus();
    server = new CustomWsServer({ bus, engine: new RuleEngine({ bus }), port: 0, token: 'test-token-123456' });
    await server.listen();
    const io = captureIo(process.cwd(), { VMSC_TOKEN: 'test-token-123456' });
    const arrived = waitForEvent(bus, 'gift');
    const code = await simulateCommand(
      'gift',
      {
        url: `ws://127.0.0.1:${server.port}`,
        source: 'tiktok',
        user: 'tester',
        data: ['giftName=Rose', 'giftId=5655', 'diamondCount=1', 'repeatCount=1', 'repeatEnd=true'],
      },
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const event = await arrived;
    expect(event.data).toMatchObject({ giftName: 'Rose', repeatEnd: true });
    expect(event.meta?.simulated).toBe(true);
    expect(io.out()).toContain(`injected tiktok gift event ${event.id}`);
  });

  it('reports the validation error, a wrong token, and a missing token', async () => {
    const bus = new EventBus();
    server = new CustomWsServer({ bus, port: 0, token: 'test-token-123456' });
    await server.listen();
    const url = `ws://127.0.0.1:${server.port}`;
    const invalid = captureIo(process.cwd(), { VMSC_TOKEN: 'test-token-123456' });
    expect(await simulateCommand('gift', { url, source: 'tiktok', data: ['giftName=Rose'] }, invalid)).toBe(1);
    expect(invalid.err()).toMatch(/INVALID_PAYLOAD.*data\.giftId/);
    const wrong = captureIo(process.cwd(), { VMSC_TOKEN: 'nope-nope-nope' });
    expect(await simulateCommand('chat', { url, data: ['message=hi'] }, wrong)).toBe(1);
    expect(wrong.err()).toMatch(/refused the token|AUTH_FAILED/);
    expect(wrong.err()).not.toContain('nope-nope-nope');
    const missing = captureIo(process.cwd(), {});
    expect(await simulateCommand('chat', { url }, missing)).toBe(2);
    expect(missing.err()).toContain('VMSC_TOKEN');
  });
});
