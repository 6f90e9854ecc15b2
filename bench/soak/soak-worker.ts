/**
 * The platforms' side of the soak, in a worker thread (the hub keeps the main thread to itself, as it
 * would in production where the platforms and the overlays are other machines): every fake, the
 * feeder that scripts the mixed stream on them, and the custom-WS subscribers that check what the hub
 * delivered. Protocol with the main thread: see {@link ToWorker} / {@link FromWorker}.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { startAllFakes, waitUntil, type AllFakes, type FakeConnectionOptions } from '@vmsc/testing';
import WebSocket from 'ws';
import { LatencyHistogram } from './latency-histogram.js';
import { FEEDERS, SEQUENCE } from './soak-feeders.js';

/** What the feeder and the subscribers measured. */
export interface PlatformSideResult {
  feedMs: number;
  sent: number;
  sentBySource: Record<string, number>;
  lost: number[];
  duplicates: number[];
  latency: { p50: number; p99: number; max: number; samples: number };
  latencyBySource: Record<string, { p50: number; p99: number }>;
  failures: string[];
}

/** Messages from the main thread. */
export type ToWorker =
  | { type: 'start' }
  | { type: 'hub'; url: string; token: string; subscribers: number; ratePerSecond: number; durationMs: number }
  | { type: 'close' };

/** Messages to the main thread. */
export type FromWorker =
  | { type: 'fakes'; connectionOptions: FakeConnectionOptions }
  | { type: 'progress'; elapsedMs: number; sent: number; receivedPerSubscriber: number }
  | { type: 'result'; result: PlatformSideResult }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

const now = () => performance.now();
const round = (value: number) => Number(value.toFixed(2));

/** A custom WS subscriber that records, per sequence number, whether it arrived and how late. */
class Subscriber {
  readonly received: Uint8Array;
  /** One histogram per feeder. */
  readonly latency = FEEDERS.map(() => new LatencyHistogram());
  count = 0;
  duplicates = 0;
  readonly #socket: WebSocket;

  constructor(url: string, token: string, capacity: number, sentAt: Float64Array) {
    this.received = new Uint8Array(capacity);
    this.#socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    this.#socket.on('message', (data) => {
      const match = SEQUENCE.exec(data.toString());
      if (!match) return;
      const seq = Number(match[1]);
      if (seq >= capacity) return;
      if (this.received[seq]) {
        this.duplicates++;
        return;
      }
      this.received[seq] = 1;
      this.count++;
      this.latency[seq % FEEDERS.length]!.record(now() - sentAt[seq]!);
    });
  }

  async subscribe(): Promise<void> {
    const socket = this.#socket;
    if (socket.readyState !== WebSocket.OPEN) await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const acked = new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        if (data.toString().includes('"action":"subscribe"')) {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
    });
    socket.send(JSON.stringify({ action: 'subscribe' }));
    await acked;
  }

  close(): void {
    this.#socket.close();
  }
}

async function feed(
  fakes: AllFakes,
  hub: Extract<ToWorker, { type: 'hub' }>,
  post: (message: FromWorker) => void,
): Promise<PlatformSideResult> {
  const capacity = Math.ceil((hub.ratePerSecond * hub.durationMs) / 1_000) + 1_000;
  const sentAt = new Float64Array(capacity);
  const subscribers = Array.from({ length: hub.subscribers }, () => new Subscriber(hub.url, hub.token, capacity, sentAt));
  try {
    await Promise.all(subscribers.map((subscriber) => subscriber.subscribe()));
    const sentBySource: Record<string, number> = {};
    const failures: string[] = [];
    const start = now();
    let seq = 0;
    let nextProgressAt = 1_000;
    while (now() - start < hub.durationMs && seq < capacity) {
      const elapsed = now() - start;
      const due = Math.min(capacity, Math.floor((hub.ratePerSecond * elapsed) / 1_000));
      while (seq < due) {
        const feeder = FEEDERS[seq % FEEDERS.length]!;
        sentAt[seq] = now();
        sentBySource[feeder.source] = (sentBySource[feeder.source] ?? 0) + 1;
        feeder.feed(fakes, seq).catch((error: unknown) => {
          if (failures.length < 10) failures.push(`${feeder.source}: ${(error as Error).message}`);
        });
        seq++;
      }
      if (elapsed >= nextProgressAt) {
        nextProgressAt += 1_000;
        const received = subscribers.reduce((sum, subscriber) => sum + subscriber.count, 0) / subscribers.length;
        post({ type: 'progress', elapsedMs: elapsed, sent: seq, receivedPerSubscriber: received });
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const feedMs = now() - start;
    const sent = seq;
    // Drain: wait until every subscriber has everything, or 15 s.
    await waitUntil(() => subscribers.every((subscriber) => subscriber.count >= sent), 'every subscriber to receive every event', {
      timeoutMs: 15_000,
    }).catch(() => undefined);
    const latency = new LatencyHistogram();
    const latencyBySource: PlatformSideResult['latencyBySource'] = {};
    FEEDERS.forEach(({ source }, index) => {
      const bySource = new LatencyHistogram();
      for (const subscriber of subscribers) bySource.merge(subscriber.latency[index]!);
      latency.merge(bySource);
      latencyBySource[source] = { p50: round(bySource.percentile(0.5)), p99: round(bySource.percentile(0.99)) };
    });
    return {
      feedMs,
      sent,
      sentBySource,
      lost: subscribers.map((subscriber) => sent - subscriber.count),
      duplicates: subscribers.map((subscriber) => subscriber.duplicates),
      latency: {
        p50: round(latency.percentile(0.5)),
        p99: round(latency.percentile(0.99)),
        max: round(latency.max),
        samples: latency.count,
      },
      latencyBySource,
      failures,
    };
  } finally {
    for (const subscriber of subscribers) subscriber.close();
  }
}

const port = parentPort;
if (port) {
  let fakes: AllFakes | undefined;
  const post = (message: FromWorker) => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    const run = async () => {
      if (message.type === 'start') {
        // 50 ms polls spend YouTube's default 10,000 units in under two minutes: the soak's quota is unlimited.
        fakes = await startAllFakes({ youtubePollingIntervalMs: 50, youtubeQuotaLimit: Number.MAX_SAFE_INTEGER });
        post({ type: 'fakes', connectionOptions: fakes.connectionOptions });
      } else if (message.type === 'hub') {
        post({ type: 'result', result: await feed(fakes!, message, post) });
      } else {
        await fakes?.close();
        post({ type: 'closed' });
        port.close();
      }
    };
    run().catch((error: unknown) => post({ type: 'failed', message: (error as Error).stack ?? String(error) }));
  });
}
