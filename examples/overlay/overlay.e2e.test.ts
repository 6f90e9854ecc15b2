/**
 * End-to-end: the overlay page in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core) subscribes to a real CustomWsServer over loopback; events published on the
 * hub's bus must show up as alerts and chat lines in the page's DOM. The page loads the browser
 * build of @vmsc/custom-ws-client bundled from its sources with the package's own browser build
 * options. A screenshot is saved to examples/overlay/screenshots/overlay.png (gitignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, EventBus, type StreamEvent } from '@vmsc/core';
import { VmscMirrorClient } from '@vmsc/custom-ws-client';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { kickSamples, tiktokSamples, twitchSamples, youtubeSamples } from '@vmsc/testing';
import { demoCommand } from '@vmsc/cli';
import { bundleBrowserClient, launchChromium } from '../../packages/custom-ws-client/test/support/chromium.js';
import { startOverlayServer, type OverlayServer } from './serve.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const screenshotPath = join(here, 'screenshots', 'overlay.png');
const TOKEN = 'overlay-e2e-token-0123456789abcdef';

function sample(samples: StreamEvent[], type: string, pick: (event: StreamEvent) => boolean = () => true): StreamEvent {
  const found = samples.find((event) => event.type === type && pick(event));
  if (!found) throw new Error(`no ${type} sample`);
  return found;
}

let tmp: string;
let bundle: string;
let overlay: OverlayServer;
let bus: EventBus;
let server: CustomWsServer;
let context: BrowserContext;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vmsc-overlay-'));
  bundle = await bundleBrowserClient(join(tmp, 'bundle'));
  overlay = await startOverlayServer({ clientBundle: bundle });
  bus = new EventBus();
  server = new CustomWsServer({ bus, port: 0, token: TOKEN, allowedOrigins: [overlay.url.replace(/\/$/, '')] });
  await server.listen();
  context = await launchChromium(join(tmp, 'profile'), { width: 1280, height: 720 });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await overlay?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 30_000);

/** Polls until `probe` returns a value (not undefined), or fails with `describe()` after `timeoutMs`. */
async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  describe: () => string | Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last state: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForConnections(count: number): Promise<void> {
  for (let i = 0; i < 100 && server.connectionCount !== count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.connectionCount).toBe(count);
}

/** One alert as the page rendered it. */
interface SeenAlert {
  kind: string;
  title: string;
  text: string;
  detail: string | null;
  platform: string;
}

/**
 * Opens the overlay. An init script records every alert card the page renders (alerts are queued
 * and leave after `alertMs`, so a slow poll could miss one; the recorder cannot).
 */
async function openOverlay(query: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { seenAlerts: unknown[] }).seenAlerts = []);
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of Array.from(record.addedNodes)) {
            if (!(node instanceof HTMLElement) || !node.classList.contains('alert')) continue;
            const text = (selector: string) => node.querySelector(selector)?.textContent ?? null;
            seen.push({
              kind: node.dataset.kind,
              title: text('.alert__title'),
              text: text('.alert__text'),
              detail: text('.alert__detail'),
              platform: text('.alert__platform'),
            });
          }
        }
      }).observe(document.getElementById('alert')!, { childList: true });
    });
  });
  await page.goto(`${overlay.url}?${new URLSearchParams(query)}`);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const seenAlerts = (page: Page) => page.evaluate(() => (window as unknown as { seenAlerts: SeenAlert[] }).seenAlerts);

/** Waits until the page has rendered an alert matching `pick`, and returns it. */
function waitForAlert(page: Page, pick: (alert: SeenAlert) => boolean, timeoutMs = 10_000): Promise<SeenAlert> {
  return waitFor(
    async () => (await seenAlerts(page)).find(pick),
    timeoutMs,
    async () => JSON.stringify(await seenAlerts(page)),
  );
}

describe('overlay (real Chromium)', () => {
  it('the browser bundle is one ES module without ws or Node builtins', () => {
    const code = readFileSync(bundle, 'utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1]);
    expect(specifiers).toEqual([]);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).toMatch(/export\s*\{/);
  });

  it('shows alerts and chat for events published on the hub bus, and saves a screenshot', async () => {
    const socketUrls: string[] = [];
    context.once('page', (opened) => opened.on('websocket', (socket) => socketUrls.push(socket.url())));
    const page = await openOverlay({ url: server.url, token: TOKEN, alertMs: '300', chat: '5' });
    await page.waitForSelector('body[data-status="connected"]', { timeout: 15_000 });
    expect(server.connectionCount).toBe(1);
    // Browsers cannot set headers: the token travels as the `vmsc.token.<token>` subprotocol, not in the URL.
    expect(socketUrls).toHaveLength(1);
    expect(socketUrls[0]).not.toContain(TOKEN);

    // A TikTok gift: an alert naming the sender and the gift.
    bus.publish(sample(tiktokSamples(), 'gift'));
    expect(await waitForAlert(page, (alert) => alert.kind === 'gift')).toEqual({
      kind: 'gift',
      title: 'Gift!',
      text: 'Rose Fan 🌹 sent 5 × Rose',
      detail: '5 💎',
      platform: 'TikTok',
    });

    // A Twitch follow, queued behind the gift.
    bus.publish(sample(twitchSamples(), 'follow'));
    expect(await waitForAlert(page, (alert) => alert.kind === 'follow')).toMatchObject({ text: 'TwitchDev followed', platform: 'Twitch' });

    // A Kick chat message in the chat box.
    const kickChat = sample(kickSamples(), 'chat');
    bus.publish(kickChat);
    const line = page.locator('#chat .chat__line').filter({ hasText: 'lets go' });
    await line.waitFor({ timeout: 10_000 });
    expect(await line.locator('.chat__name').textContent()).toBe(kickChat.user.nickname);
    expect((kickChat.data as { message: string }).message).toBe('lets go [emote:37226:KEKW]');
    expect(await line.locator('.chat__message').textContent()).toBe('lets go KEKW');
    expect(await line.locator('.chat__platform').textContent()).toBe('Kick');

    // User text is text, never markup.
    const hostile = '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>';
    bus.publish(
      createEvent({
        source: 'youtube',
        type: 'chat',
        user: { id: 'x1', username: 'mallory', nickname: '<i>Mallory</i>' },
        data: { message: hostile },
      }),
    );
    const hostileLine = page.locator('#chat .chat__line').filter({ hasText: '<b>bold</b>' });
    await hostileLine.waitFor({ timeout: 10_000 });
    expect(await hostileLine.locator('.chat__message').textContent()).toBe(hostile);
    expect(await hostileLine.locator('.chat__name').textContent()).toBe('<i>Mallory</i>');
    expect(await page.locator('#chat img, #chat b, #chat i').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();

    // Tip, sub and raid alerts of other platforms.
    bus.publish(sample(youtubeSamples(), 'super_chat'));
    bus.publish(sample(twitchSamples(), 'subscription_gift', (event) => (event.data as { isAnonymous?: boolean }).isAnonymous === false));
    bus.publish(sample(twitchSamples(), 'raid'));
    expect(await waitForAlert(page, (alert) => alert.kind === 'tip')).toMatchObject({
      title: 'Super Chat!',
      text: expect.stringMatching(/ sent \$5\.00$/),
      platform: 'YouTube',
    });
    expect(await waitForAlert(page, (alert) => alert.kind === 'sub')).toMatchObject({ text: 'TwitchDev gifted 5 subs (Tier 1)' });
    expect(await waitForAlert(page, (alert) => alert.kind === 'raid')).toMatchObject({
      title: 'Raid!',
      text: 'Cool_User raided with 9001 viewers',
    });
    // Shown one at a time, in order.
    expect((await seenAlerts(page)).map((alert) => alert.kind)).toEqual(['gift', 'follow', 'tip', 'sub', 'raid']);

    // The chat box keeps the last `chat` (5) lines.
    for (let i = 0; i < 7; i++) {
      bus.publish(
        createEvent({
          source: 'twitch',
          type: 'chat',
          user: { id: `u${i}`, username: `u${i}`, nickname: `U${i}` },
          data: { message: `line ${i}` },
        }),
      );
    }
    await page.locator('#chat .chat__line').filter({ hasText: 'line 6' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#chat .chat__line').allTextContents()).toEqual([2, 3, 4, 5, 6].map((i) => `TwitchU${i}line ${i}`));

    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
    await waitForConnections(0);

    // The screenshot: a fresh page with a long alert, a few chat lines, over a dark stand-in for
    // the stream scene (the page itself is transparent; OBS composites it).
    const shot = await openOverlay({ url: server.url, token: TOKEN, alertMs: '60000' });
    await shot.waitForSelector('body[data-status="connected"]', { timeout: 15_000 });
    await shot.addStyleTag({ content: 'html { background: linear-gradient(135deg, #1d2b3a, #3a1d35) !important; }' });
    bus.publish(sample(twitchSamples(), 'chat'));
    bus.publish(sample(kickSamples(), 'chat'));
    bus.publish(sample(youtubeSamples(), 'chat'));
    bus.publish(sample(tiktokSamples(), 'chat'));
    bus.publish(sample(kickSamples(), 'kicks_gift'));
    const kicksAlert = shot.locator('.alert--gift').filter({ hasText: 'Rage Quit' });
    await kicksAlert.waitFor({ timeout: 10_000 });
    await shot.locator('#chat .chat__line').nth(3).waitFor({ timeout: 10_000 });
    await shot.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => (a as CSSAnimation).animationName !== 'alert-glow')
          .map((a) => a.finished),
      ),
    );
    mkdirSync(join(here, 'screenshots'), { recursive: true });
    await shot.screenshot({ path: screenshotPath });
    console.log(`overlay screenshot: ${screenshotPath}`);
    expect((shot as Page & { errors: string[] }).errors).toEqual([]);
    await shot.close();
  }, 90_000);

  it('shows the alerts the hub sends (overlay rule actions), one at a time, with image and duration', async () => {
    const page = await openOverlay({ url: server.url, token: TOKEN, alertMs: '300' });
    await page.waitForSelector('body[data-status="connected"]', { timeout: 15_000 });
    await waitFor(
      () => (server.overlayCount === 1 ? true : undefined),
      10_000,
      () => `overlays: ${server.overlayCount}`,
    );
    server.showAlert({
      title: '<b>Alice</b> followed!',
      message: 'Welcome to the stream',
      imageUrl: 'images/follow.png',
      durationMs: 1_000,
    });
    server.showAlert({ title: 'Second', message: 'after the first', durationMs: 1_000 });
    expect(await waitForAlert(page, (alert) => alert.kind === 'custom')).toEqual({
      kind: 'custom',
      title: '<b>Alice</b> followed!',
      text: 'Welcome to the stream',
      detail: null,
      platform: null,
    });
    const image = await page.locator('.alert--custom .alert__image').getAttribute('src');
    expect(image).toBe(new URL('images/follow.png', overlay.url).href);
    expect(await page.locator('#alert b').count()).toBe(0); // text, never markup
    expect(await waitForAlert(page, (alert) => alert.title === 'Second')).toMatchObject({ text: 'after the first' });
    expect((await seenAlerts(page)).map((alert) => alert.title)).toEqual(['<b>Alice</b> followed!', 'Second']);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
    await waitForConnections(0);
  }, 60_000);

  it('shows the events of `vmsc demo` (every platform fake, the real connectors, the hub)', async () => {
    // The demo hub's server does not allow browser origins, so a Node mirror relays its events
    // onto this test's bus, whose server the page is subscribed to (as an overlay host would).
    const demoToken = 'overlay-demo-token-0123456789';
    let output = '';
    const abort = new AbortController();
    const demo = demoCommand(
      { port: 0, stepMs: 60, signal: abort.signal },
      {
        stdout: { write: (text: string) => (output += text) },
        stderr: { write: (text: string) => (output += text) },
        env: { VMSC_TOKEN: demoToken },
        cwd: here,
      },
    );
    let mirror: VmscMirrorClient | undefined;
    const page = await openOverlay({ url: server.url, token: TOKEN, alertMs: '150', chat: '20' });
    try {
      await page.waitForSelector('body[data-status="connected"]', { timeout: 15_000 });
      const hubUrl = await waitFor(
        () => /connect to (ws:\/\/\S+) with token/.exec(output)?.[1],
        20_000,
        () => output,
      );
      mirror = new VmscMirrorClient({ bus, url: hubUrl, token: demoToken, source: 'demo-relay' });
      await mirror.connect();
      const alerts = async () => (await seenAlerts(page)).map((alert) => alert.text);
      const expected = [/sent 3 × Rose$/, / followed$/, /sent €3\.00$/, /sent \$10\.00$/];
      await waitFor(
        async () => {
          const seen = await alerts();
          return expected.every((pattern) => seen.some((text) => pattern.test(text))) || undefined;
        },
        30_000,
        async () => JSON.stringify(await alerts()),
      );
      // Streak steps do not alert: only the streak's end.
      expect((await alerts()).filter((text) => /sent [12] × Rose$/.test(text))).toEqual([]);
      await page.locator('#chat .chat__line').filter({ hasText: '!dice' }).first().waitFor({ timeout: 15_000 });
      expect(await page.locator('#chat .chat__platform').allTextContents()).toEqual(expect.arrayContaining(['Kick', 'Twitch']));
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
    } finally {
      await mirror?.disconnect();
      await page.close();
      abort.abort();
      expect(await demo).toBe(0);
    }
  }, 90_000);

  it('shows the error state when the hub refuses the token', async () => {
    const page = await openOverlay({ url: server.url, token: 'wrong-token' });
    await page.waitForSelector('body[data-status="error"]', { timeout: 15_000 });
    expect(await page.locator('#status').getAttribute('title')).toMatch(/refused the credentials/);
    expect(await page.locator('#status').getAttribute('title')).not.toContain('wrong-token');
    await page.close();
  }, 30_000);
});
