import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, EventBus, Secret, type BusNotice, type ConnectorStatus } from '@vmsc/core';
import { ObsAuthError, ObsController, ObsNotConnectedError } from '@vmsc/obs';
import { closeAllFakes, ObsCloseCode, startObsFake, startWsServer, waitUntil } from '@vmsc/testing';
import { controllerFor, disconnectControllers, StepClock } from './helpers.js';

afterEach(async () => {
  await disconnectControllers();
  await closeAllFakes();
});

const PASSWORD = 'correct-horse-battery-staple';

/** Every status the controller moves through. */
function statusLog(obs: ObsController): ConnectorStatus[] {
  const log: ConnectorStatus[] = [];
  obs.on('status', ({ status }) => log.push(status));
  return log;
}

describe('ObsController connection', () => {
  it('connects with a password (string or Secret) and without one', async () => {
    const secured = await startObsFake({ password: PASSWORD });
    const withString = controllerFor(secured);
    const withSecret = controllerFor(secured, { password: new Secret(PASSWORD) });
    await withString.connect();
    await withSecret.connect();
    expect(secured.identifiedCount).toBe(2);
    const open = await startObsFake();
    const noPassword = controllerFor(open);
    await noPassword.connect();
    expect(noPassword.status).toBe('connected');
    expect(open.identifiedCount).toBe(1);
  });

  it('a wrong password stops in error with an ObsAuthError (4009), without retrying', async () => {
    const fake = await startObsFake({ password: PASSWORD });
    const clock = new StepClock();
    const obs = controllerFor(fake, { password: 'wrong-password-123', clock });
    const error = await obs.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ObsAuthError);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'OBS_AUTH_FAILED', closeCode: ObsCloseCode.AuthenticationFailed });
    expect(obs.status).toBe('error');
    expect(obs.lastError).toBe(error);
    expect(clock.timers).toEqual([]);
    expect(fake.closes).toEqual([{ code: 4009, reason: 'Authentication failed.' }]);
  });

  it('a missing password where OBS requires one is an ObsAuthError too', async () => {
    const fake = await startObsFake({ password: PASSWORD });
    const obs = controllerFor({ url: fake.url });
    await expect(obs.connect()).rejects.toBeInstanceOf(ObsAuthError);
  });

  it('reconnects with backoff after the connection drops, and requests work again', async () => {
    const fake = await startObsFake({ password: PASSWORD });
    const clock = new StepClock();
    const obs = controllerFor(fake, { clock, backoff: { initialDelayMs: 1_000, jitterMs: 0 } });
    const statuses = statusLog(obs);
    await obs.connect();
    fake.dropAll();
    await waitUntil(() => obs.status === 'reconnecting', 'status reconnecting');
    expect(obs.lastError).toMatchObject({ code: 'OBS_CONNECTION_FAILED' });
    await expect(obs.setProgramScene('BRB')).rejects.toBeInstanceOf(ObsNotConnectedError);
    clock.fire(1_000);
    await waitUntil(() => obs.status === 'connected', 'status connected');
    await obs.setProgramScene('BRB');
    expect(fake.state.programSceneName).toBe('BRB');
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(obs.health.reconnectAttempts).toBe(0);
  });

  it('keeps retrying with growing delays while OBS is not running; disconnect() stops it', async () => {
    const gone = await startObsFake();
    const url = gone.url;
    await gone.close();
    const clock = new StepClock();
    const obs = controllerFor({ url }, { clock, backoff: { initialDelayMs: 1_000, jitterMs: 0 } });
    const connecting = obs.connect().then(
      () => 'connected',
      (error: unknown) => error,
    );
    await waitUntil(() => clock.timers.some((timer) => timer.delayMs === 1_000), 'a retry in 1 s');
    expect(obs.status).toBe('reconnecting');
    clock.fire(1_000);
    await waitUntil(() => clock.timers.some((timer) => timer.delayMs === 2_000), 'a retry in 2 s');
    expect(obs.health.reconnectAttempts).toBe(2);
    await obs.disconnect();
    expect(await connecting).toBeInstanceOf(ObsNotConnectedError);
    expect(obs.status).toBe('disconnected');
    expect(clock.timers).toEqual([]);
  });

  it('retries when OBS accepts the socket but never says Hello (connect timeout)', async () => {
    const silent = await startWsServer({ handleProtocols: (offered) => [...offered][0] ?? false });
    const clock = new StepClock();
    const obs = controllerFor({ url: silent.url }, { clock, connectTimeoutMs: 3_000, backoff: { initialDelayMs: 1_000, jitterMs: 0 } });
    void obs.connect().catch(() => undefined);
    await silent.nextConnection();
    clock.fire(3_000);
    await waitUntil(() => obs.status === 'reconnecting', 'status reconnecting');
    expect(obs.lastError).toMatchObject({ code: 'OBS_CONNECT_TIMEOUT' });
    expect(clock.timers.map((timer) => timer.delayMs)).toEqual([1_000]);
  });

  it('does not reconnect after OBS ends the session (4011 SessionInvalidated)', async () => {
    const fake = await startObsFake();
    const clock = new StepClock();
    const obs = controllerFor(fake, { clock });
    await obs.connect();
    fake.closeAll(ObsCloseCode.SessionInvalidated, 'kicked');
    await waitUntil(() => obs.status === 'error', 'status error');
    expect(obs.lastError).toMatchObject({ code: 'OBS_SESSION_INVALIDATED' });
    expect(clock.timers).toEqual([]);
  });

  it('reports its status on the bus it is given, as connectors do', async () => {
    const fake = await startObsFake();
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice((notice) => notices.push(notice));
    const obs = controllerFor(fake, { bus, id: 'obs:studio' });
    await obs.connect();
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'status', connector: 'obs:studio', source: 'obs', status: 'connected' }),
    );
  });
});

describe('ObsController keeps the password secret', () => {
  it('never shows it in toString, inspect, errors or notices', async () => {
    const fake = await startObsFake({ password: PASSWORD });
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice((notice) => notices.push(notice));
    const wrong = 'my-wrong-password-999';
    const obs = controllerFor(fake, { password: wrong, bus });
    const error = (await obs.connect().catch((reason: unknown) => reason)) as Error;
    expect(obs.toString()).toBe(`ObsController(${fake.url}, error)`);
    const everything = [
      obs.toString(),
      inspect(obs, { depth: 5 }),
      error.message,
      String(error.stack),
      inspect(error),
      JSON.stringify(notices),
      inspect(notices, { depth: 8 }),
    ].join('\n');
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(PASSWORD);
  });
});
