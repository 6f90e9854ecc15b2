import { EventEmitter } from 'eventemitter3';
import { createEvent, EventBus, parseEvent, type StreamEvent } from '@vmsc/core';
import { sampleEvents } from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/** A hand-written structural check of the envelope and a few data fields: the cheapest honest validator. */
function handWrittenCheck(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const user = event.user as Record<string, unknown> | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.source === 'string' &&
    typeof event.timestamp === 'number' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.username === 'string' &&
    typeof user.nickname === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null
  );
}

const suite: Suite = async () => {
  const gift = createEvent({
    source: 'tiktok',
    type: 'gift',
    user: { id: '1', username: 'a', nickname: 'A' },
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
  });
  const bus = new EventBus({ idMemory: 1_000 });
  let sink = 0;
  bus.on('gift', (e) => {
    sink += e.data.diamondCount;
  });
  const emitter = new EventEmitter();
  emitter.on('gift', (e: typeof gift) => {
    sink += e.data.diamondCount;
  });
  // Fresh ids so that the bus's same-id suppression does real work, as in production.
  const events: StreamEvent[] = Array.from({ length: 4096 }, () => ({ ...gift, id: crypto.randomUUID() }));
  let i = 0;
  const busComparison = await compare({
    title: 'Bus: deliver a typed event to one subscriber',
    description: 'One `gift` event published to one typed subscriber (ids unique, so same-id suppression runs).',
    baseline: { name: 'eventemitter3 emit', fn: () => emitter.emit('gift', events[i++ & 4095]) },
    candidates: [{ name: 'EventBus.publish', fn: () => bus.publish(events[i++ & 4095]!) }],
  });

  const samples = sampleEvents().map((event) => JSON.parse(JSON.stringify(event)) as unknown);
  let j = 0;
  const validateComparison = await compare({
    title: 'Validate: parseEvent on realistic events of every platform',
    description: `The ${samples.length} sample events of @vmsc/testing (every type of every platform), round-robin.`,
    baseline: { name: 'hand-written envelope check', fn: () => handWrittenCheck(samples[j++ % samples.length]) },
    candidates: [{ name: 'parseEvent (envelope + per-type data schema)', fn: () => parseEvent(samples[j++ % samples.length]) }],
  });
  if (sink < 0) console.log(sink);
  return [busComparison, validateComparison];
};

export default suite;
