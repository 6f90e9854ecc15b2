/**
 * End-to-end: `vmsc demo` (every platform fake, the real connectors, the hub) serves the dashboard;
 * real headless Chromium (Debian's `chromium`, driven by playwright-core) opens it, logs in with the
 * token, and the test checks what a streamer would: every card turns green, events arrive, a
 * disabled rule stops running, a test event shows in the feed and in a rule run, a dropped
 * connection turns its card orange and then green again. Screenshots of each state are saved to
 * packages/cli/test/screenshots/ (gitignored); with `VMSC_SCREENSHOTS=docs` to docs/screenshots/,
 * the ones the README and docs/dashboard.md show.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vmsc/core';
import { launchChromium } from '../../custom-ws-client/test/support/chromium.js';
import { demoCommand, type DemoHandle } from '../src/index.js';
import { buildDashboard } from './dashboard-build.js';

const shots = fileURLToPath(
  new URL(process.env.VMSC_SCREENSHOTS === 'docs' ? '../../../docs/screenshots/' : './screenshots/', import.meta.url),
);
const TOKEN = 'dashboard-e2e-token-0123456789';

let tmp: string;
let context: BrowserContext;
let demo: Promise<number>;
let handle: DemoHandle;
const abort = new AbortController();
let output = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vmsc-dashboard-'));
  await buildDashboard();
  let ready!: (value: DemoHandle) => void;
  const started = new Promise<DemoHandle>((resolve) => (ready = resolve));
  demo = demoCommand(
    { port: 0, stepMs: 120, signal: abort.signal, onReady: ready },
    {
      stdout: { write: (text: string) => (output += text) },
      stderr: { write: (text: string) => (output += text) },
      env: { VMSC_TOKEN: TOKEN },
      cwd: tmp,
    },
  );
  handle = await started;
  context = await launchChromium(join(tmp, 'profile'), { width: 1280, height: 720 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  abort.abort();
  await demo;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 30_000);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `dashboard-${name}.png`) });
}

/** The status of connector `id`'s card. */
const cardStatus = (page: Page, id: string) => page.locator(`.card[data-connector="${id}"]`).getAttribute('data-status');

describe('the dashboard of vmsc demo (real Chromium)', () => {
  it('logs in, shows every connector green, events, rules, test events, and a reconnect', async () => {
    const url = handle.hub.dashboardUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dashboard\/$/);
    expect(output).toContain(`open the dashboard: ${url}#token=`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    // Every status each card shows, recorded as it changes (a reconnect can be brief).
    await page.addInitScript(() => {
      const seen: Record<string, string[]> = ((window as unknown as { seenStatus: Record<string, string[]> }).seenStatus = {});
      new MutationObserver((records) => {
        for (const record of records) {
          const card = record.target as HTMLElement;
          if (!card.dataset?.connector) continue;
          const list = (seen[card.dataset.connector] ??= []);
          if (list.at(-1) !== card.dataset.status) list.push(card.dataset.status!);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await page.goto(url);

    // A wrong token is refused, in plain words.
    await page.fill('input[name="token"]', 'not-the-token');
    await page.click('button[type="submit"]');
    await page.locator('.login__problem').waitFor();
    expect(await page.locator('.login__problem').textContent()).toMatch(/refused this token/);
    await shot(page, 'login');

    await page.fill('input[name="token"]', TOKEN);
    await page.click('button[type="submit"]');
    await page.locator('.dashboard[data-session="open"]').waitFor({ timeout: 10_000 });
    // The token is in session storage, never in the page's URL or the WebSocket's.
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => sessionStorage.getItem('vmsc.dashboard.token'))).toBe(TOKEN);
    expect(sockets.length).toBeGreaterThan(0);
    for (const socket of sockets) expect(socket).not.toContain(TOKEN);

    // Every card turns green.
    const ids = handle.hub.connectors.map((connector) => connector.id);
    expect(ids.length).toBe(8);
    await page
      .locator('.card')
      .nth(ids.length - 1)
      .waitFor();
    for (const id of ids) await page.locator(`.card[data-connector="${id}"][data-status="connected"]`).waitFor({ timeout: 20_000 });

    // Events arrive, newest first, from several platforms; rules run.
    await page.locator('.feed__item[data-source="kick"]').first().waitFor({ timeout: 15_000 });
    await page.locator('.feed__item[data-source="tiktok"]').first().waitFor({ timeout: 15_000 });
    await page.locator('.run[data-rule="Follow alert"][data-outcome="completed"]').first().waitFor({ timeout: 15_000 });
    const times = await page
      .locator('.feed__item')
      .evaluateAll((items) => items.map((item) => Number(item.querySelector('time')?.textContent?.replace(/:/g, ''))));
    expect(times.length).toBeGreaterThan(3);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await shot(page, 'connected');

    // An event expands to its JSON, and "explain" says why each rule would or would not run.
    // Pinned by its id: new events keep arriving above it, and `.first()` would move on to them.
    const firstId = await page.locator('.feed__item[data-type="chat"]').first().getAttribute('data-id');
    const first = page.locator(`.feed__item[data-id="${firstId}"]`);
    await first.locator('summary').click();
    expect(JSON.parse((await first.locator('.json').textContent())!)).toMatchObject({ type: 'chat' });
    await first.locator('button', { hasText: 'Explain' }).click();
    await page.locator('.panel--explain .explain li').first().waitFor();
    expect(await page.locator('.panel--explain li').count()).toBe(5);

    // A duplicate on the hub's bus (the same event published twice, as a relay would): a notice says which copy was kept.
    const duplicate = createEvent({ source: 'twitch', type: 'follow', user: { id: '42', username: 'dupe', nickname: 'Dupe' }, data: {} });
    handle.hub.bus.publish(duplicate);
    handle.hub.bus.publish(duplicate);
    await page.locator('.dedupe[data-reason="same-id"]').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.dedupe').first().textContent()).toMatch(
      /Dropped a duplicate follow from twitch, kept the copy from twitch/,
    );

    // The filter shows only the chosen source.
    await page.selectOption('select[name="source"]', 'twitch');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.feed__item')).every((item) => item.dataset.source === 'twitch'),
    );
    await page.selectOption('select[name="source"]', '');

    // Disable "Follow alert": follows keep arriving, the rule no longer runs (its run count stays).
    await page.locator('.rule[data-rule="Follow alert"] input[role="switch"]').uncheck();
    await page.locator('.rule[data-rule="Follow alert"] input[role="switch"]:not(:checked)').waitFor();
    expect(handle.hub.engine.listRules().find((rule) => rule.name === 'Follow alert')?.enabled).toBe(false);
    const followRuns = () => page.locator('.rule[data-rule="Follow alert"] .rule__count').textContent();
    const runsBefore = await followRuns();
    const followsBefore = await page.locator('.feed__item[data-type="follow"]').count();
    await page.waitForFunction(
      (before) => document.querySelectorAll('.feed__item[data-type="follow"]').length >= before + 2,
      followsBefore,
      { timeout: 20_000 },
    );
    expect(await followRuns()).toBe(runsBefore);

    // A test event: a simulated TikTok gift, in the feed and in a run of "Thank gift streaks".
    await page.selectOption('select[name="platform"]', 'tiktok');
    await page.click('button[data-test="tiktok:gift"]');
    const simulated = page.locator('.feed__item[data-source="tiktok"][data-type="gift"]').filter({ hasText: 'Dashboard tester' });
    await simulated.first().waitFor({ timeout: 10_000 });
    expect(await simulated.first().locator('.tag--simulated').textContent()).toBe('simulated');
    await page
      .locator('.run[data-rule="Thank gift streaks"][data-outcome="completed"]')
      .filter({ hasText: 'for tiktok gift' })
      .first()
      .waitFor({ timeout: 10_000 });
    const tested = handle.hub.engine;
    expect(tested.getState().variables.streaks).toBeGreaterThanOrEqual(1);
    await shot(page, 'rules');

    // Drop the Kick fake's connections: the card turns orange (reconnecting), then green again.
    handle.fakes.dropConnections('kick');
    await page.waitForFunction(
      () => {
        const seen = (window as unknown as { seenStatus: Record<string, string[]> }).seenStatus.kick ?? [];
        return seen.includes('reconnecting');
      },
      undefined,
      { timeout: 15_000 },
    );
    if ((await cardStatus(page, 'kick')) === 'reconnecting') await shot(page, 'reconnecting');
    await page.locator('.card[data-connector="kick"][data-status="connected"]').waitFor({ timeout: 20_000 });
    const kickSeen = await page.evaluate(() => (window as unknown as { seenStatus: Record<string, string[]> }).seenStatus.kick ?? []);
    expect(kickSeen.slice(kickSeen.lastIndexOf('reconnecting'))).toEqual(['reconnecting', 'connected']);
    expect(Number(await page.locator('.card[data-connector="kick"] .card__attempts').textContent())).toBeGreaterThanOrEqual(0);

    // Disconnect and connect from the card: gray, then green.
    await page.locator('.card[data-connector="twitch"] button').click();
    await page.locator('.card[data-connector="twitch"][data-status="disconnected"]').waitFor({ timeout: 10_000 });
    await shot(page, 'disconnected');
    await page.locator('.card[data-connector="twitch"] button', { hasText: 'Connect' }).click();
    await page.locator('.card[data-connector="twitch"][data-status="connected"]').waitFor({ timeout: 15_000 });

    // A phone-sized view stays readable (one column).
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'phone');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
