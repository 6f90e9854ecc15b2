// @ts-check
/**
 * The VMSC overlay: subscribes to a VMSC hub's custom WebSocket server with the browser build of
 * @vmsc/custom-ws-client and shows alerts (gifts, follows, subs, tips, raids) and a live chat box.
 *
 * Query string: `url` (default `ws://127.0.0.1:7895`), `token` (the hub's token), `chat` (chat lines
 * kept, default 8), `alertMs` (how long an alert stays, default 5000), `sources` (comma-separated
 * filter, e.g. `twitch,kick`). User text is only ever set with `textContent`, never as HTML.
 */
import { EventBus, VmscMirrorClient } from './vmsc-client.js';
import { describeAlert, describeChat, OVERLAY_EVENT_TYPES } from './describe-event.js';

const params = new URLSearchParams(location.search);
const url = params.get('url') || 'ws://127.0.0.1:7895';
const token = params.get('token') || undefined;
const maxChat = positiveInt(params.get('chat'), 8);
const alertMs = positiveInt(params.get('alertMs'), 5000);
const sources = params
  .get('sources')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const alertBox = /** @type {HTMLElement} */ (document.getElementById('alert'));
const chatList = /** @type {HTMLElement} */ (document.getElementById('chat'));
const statusDot = /** @type {HTMLElement} */ (document.getElementById('status'));

/** @type {QueuedAlert[]} */
const queue = [];
let showing = false;

const bus = new EventBus();
bus.onAny((event) => {
  const alert = describeAlert(/** @type {any} */ (event));
  if (alert) enqueue(alert);
  const line = describeChat(/** @type {any} */ (event));
  if (line) addChat(line);
});
bus.onNotice((notice) => {
  if (notice.kind === 'status') setStatus(notice.status, notice.error?.message);
  else if (notice.kind === 'error') console.warn('[vmsc overlay]', notice.error?.message ?? notice);
});

const client = new VmscMirrorClient({
  bus,
  url,
  ...(token ? { token } : {}),
  eventTypes: OVERLAY_EVENT_TYPES,
  ...(sources && sources.length > 0 ? { sources } : {}),
  // Alerts of the hub's `overlay` rule actions: the hub sends one at a time; they join the same queue.
  onAlert: (alert) =>
    enqueue({
      kind: 'custom',
      title: alert.title ?? '',
      text: alert.message ?? '',
      platform: '',
      durationMs: alert.durationMs,
      ...(alert.imageUrl ? { imageUrl: alert.imageUrl } : {}),
      ...(alert.soundUrl ? { soundUrl: alert.soundUrl } : {}),
    }),
});
setStatus('connecting');
client.connect().catch((error) => setStatus('error', error instanceof Error ? error.message : String(error)));

/**
 * An alert of the queue: one the page made from an event, or one the hub sent (`overlay` action).
 * @typedef {import('./describe-event.js').Alert | { kind: 'custom', title: string, text: string, detail?: string, platform: string, durationMs: number, imageUrl?: string, soundUrl?: string }} QueuedAlert
 */

/** @param {QueuedAlert} alert */
function enqueue(alert) {
  queue.push(alert);
  if (!showing) showNext();
}

function showNext() {
  const alert = queue.shift();
  if (!alert) {
    showing = false;
    return;
  }
  showing = true;
  const card = document.createElement('div');
  card.className = `alert alert--${alert.kind}`;
  card.dataset.kind = alert.kind;
  const image = 'imageUrl' in alert && alert.imageUrl ? mediaUrl(alert.imageUrl) : undefined;
  if (image) {
    const img = document.createElement('img');
    img.className = 'alert__image';
    img.alt = '';
    img.src = image;
    card.append(img);
  }
  card.append(
    textElement('div', 'alert__title', alert.title),
    textElement('div', 'alert__text', alert.text),
    ...(alert.detail ? [textElement('div', 'alert__detail', alert.detail)] : []),
    ...(alert.platform ? [textElement('div', 'alert__platform', alert.platform)] : []),
  );
  alertBox.replaceChildren(card);
  const sound = 'soundUrl' in alert && alert.soundUrl ? mediaUrl(alert.soundUrl) : undefined;
  if (sound) new Audio(sound).play().catch(() => undefined); // autoplay may be refused outside OBS
  const stayMs = 'durationMs' in alert ? alert.durationMs : alertMs;
  setTimeout(() => {
    card.classList.add('alert--leaving');
    setTimeout(() => {
      card.remove();
      showNext();
    }, 400);
  }, stayMs);
}

/**
 * An http(s) or page-relative URL as an absolute URL; undefined for anything else (`javascript:`,
 * `data:`): the hub checks alerts, the page checks again.
 * @param {string} value
 */
function mediaUrl(value) {
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** @param {import('./describe-event.js').ChatLine} line */
function addChat(line) {
  const item = document.createElement('li');
  item.className = 'chat__line';
  const name = textElement('span', 'chat__name', line.name);
  if (line.color) name.style.color = line.color;
  item.append(textElement('span', 'chat__platform', line.platform), name, textElement('span', 'chat__message', line.message));
  chatList.append(item);
  while (chatList.children.length > maxChat) chatList.firstElementChild?.remove();
}

/**
 * An element holding plain text (never parsed as HTML).
 * @param {string} tag @param {string} className @param {string} text
 */
function textElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** @param {string} status @param {string} [reason] */
function setStatus(status, reason) {
  document.body.dataset.status = status;
  statusDot.title = reason ? `${status}: ${reason}` : status;
}

/** @param {string | null} value @param {number} fallback */
function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
