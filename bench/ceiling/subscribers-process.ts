// The ceiling bench's subscribers, in a process of their own (on the load generator's core): `count`
// custom-WS subscribers (`VmscMirrorClient` of @vmsc/custom-ws-client, each with its own bus),
// each timing every chat event from the moment the fake sent its frame (the marker in the text) to
// its arrival on the subscriber's bus, and counting the events of the window it did not get or got
// twice. Talks to the bench over IPC (see subscriber-ipc.ts). Argument: one JSON `SubscribersArgs`.
import { EventBus } from '@vmsc/core';
import { VmscMirrorClient } from '@vmsc/custom-ws-client';
import { LatencyHistogram } from '../soak/latency-histogram.js';
import { readMarker, wallClockMs } from './marker.js';
import type { MeasureMessage, ReadyMessage, ReportMessage, SubscriberFigures, SubscribersArgs } from './subscriber-ipc.js';

const args = JSON.parse(process.argv[2]!) as SubscribersArgs;
let window = { from: 0, to: 0 };

/** One subscriber's tally of the current window. */
class Tally {
  counts = new Uint8Array(0);
  received = 0;
  doubled = 0;
  histogram = new LatencyHistogram();
  /** The sequence number of the slowest event so far. */
  slowestSeq = -1;

  reset(size: number): void {
    this.counts = new Uint8Array(size);
    this.received = 0;
    this.doubled = 0;
    this.histogram = new LatencyHistogram();
    this.slowestSeq = -1;
  }

  see(message: string, now: number): void {
    const marker = readMarker(message);
    if (!marker || marker.seq < window.from || marker.seq >= window.to) return;
    const slot = marker.seq - window.from;
    if (this.counts[slot]! > 0) {
      this.doubled++;
      return;
    }
    this.counts[slot] = 1;
    this.received++;
    const latency = now - marker.sentAtMs;
    if (latency > this.histogram.max) this.slowestSeq = marker.seq;
    this.histogram.record(latency);
  }

  figures(): SubscriberFigures {
    const h = this.histogram;
    return {
      received: this.received,
      lost: this.counts.length - this.received,
      doubled: this.doubled,
      p50: h.percentile(0.5),
      p99: h.percentile(0.99),
      max: h.max,
      slowestSeq: this.slowestSeq,
    };
  }
}

const tallies: Tally[] = [];
const clients: VmscMirrorClient[] = [];
for (let i = 0; i < args.count; i++) {
  const tally = new Tally();
  tallies.push(tally);
  const bus = new EventBus({ idMemory: 100_000 });
  bus.on('chat', (event) => tally.see(event.data.message, wallClockMs()));
  // The same event id twice: the bus keeps the first and reports the second; it is still a double delivery.
  bus.onNotice('deduped', (notice) => {
    const message = (notice.dropped.data as { message?: unknown }).message;
    if (notice.reason === 'same-id' && typeof message === 'string' && readMarker(message)) tally.doubled++;
  });
  clients.push(
    new VmscMirrorClient({
      bus,
      id: `subscriber-${i}`,
      url: args.url,
      token: args.token,
      eventTypes: ['chat'],
      backoff: { initialDelayMs: 100, maxDelayMs: 500, jitterMs: 0 },
    }),
  );
}

for (const client of clients) void client.connect();
const ready = setInterval(() => {
  if (clients.every((client) => client.status === 'connected')) {
    clearInterval(ready);
    process.send!({ type: 'ready' } satisfies ReadyMessage);
  }
}, 20);

process.on('message', (message: MeasureMessage | { type: 'report' } | { type: 'stop' }) => {
  if (message.type === 'measure') {
    window = { from: message.from, to: message.to };
    for (const tally of tallies) tally.reset(message.to - message.from);
  } else if (message.type === 'report') {
    const all = new LatencyHistogram();
    for (const tally of tallies) all.merge(tally.histogram);
    const cpu = process.cpuUsage();
    const report: ReportMessage = {
      type: 'report',
      subscribers: tallies.map((tally) => tally.figures()),
      all: { samples: all.count, p50: all.percentile(0.5), p99: all.percentile(0.99), p999: all.percentile(0.999), max: all.max },
      cpuMicros: cpu.user + cpu.system,
    };
    process.send!(report);
  } else if (message.type === 'stop') {
    void Promise.all(clients.map((client) => client.disconnect())).then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
