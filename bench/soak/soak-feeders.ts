import type { AllFakes } from '@vmsc/testing';

/** Scripts one event on a fake; its text carries `soak#<seq>`. */
export type Feeder = (fakes: AllFakes, seq: number) => Promise<void>;

/** The soak's mixed stream: one scripted event per platform in turn (event n comes from feeder n % length). */
export const FEEDERS: ReadonlyArray<{ source: string; feed: Feeder }> = [
  { source: 'kick', feed: (f, seq) => f.kick.chat({ username: `kicker${seq % 500}`, content: `soak#${seq}` }) },
  { source: 'twitch', feed: (f, seq) => f.twitch.chat({ username: `viewer${seq % 500}`, text: `soak#${seq}` }) },
  { source: 'tiktok', feed: (f, seq) => f.tiktok.chat({ username: `tiktoker${seq % 500}`, content: `soak#${seq}` }) },
  { source: 'youtube', feed: (f, seq) => f.youtube.chat({ username: `watcher${seq % 500}`, text: `soak#${seq}` }) },
  {
    source: 'streamlabs',
    feed: (f, seq) => f.streamlabs.donation({ username: `donor${seq}`, amount: 1 + (seq % 97), message: `soak#${seq}` }),
  },
  {
    source: 'streamelements',
    feed: (f, seq) => f.streamelements.tip({ username: `tipper${seq}`, amount: 1 + (seq % 89), message: `soak#${seq}` }),
  },
];

/** The platforms the soak feeds, in feeder order. */
export const SOAK_SOURCES: readonly string[] = FEEDERS.map((feeder) => feeder.source);

/** Finds the sequence number in an event's JSON. */
export const SEQUENCE = /soak#(\d+)/;
