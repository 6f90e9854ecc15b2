/** The messages between `pnpm bench:ceiling` and its subscribers process (bench/ceiling/subscribers-process.ts). */

/** What the subscribers process is started with (JSON on its command line). */
export interface SubscribersArgs {
  /** The hub's custom WS server. */
  url: string;
  token: string;
  /** How many subscribers (each its own connection and bus). */
  count: number;
}

/** Parent → subscribers: record the events numbered `from` to `to - 1` from now on (forgetting the last window). */
export interface MeasureMessage {
  type: 'measure';
  from: number;
  to: number;
}

/** What one subscriber saw of the window. */
export interface SubscriberFigures {
  /** Distinct events of the window received. */
  received: number;
  /** Events of the window not (yet) received. */
  lost: number;
  /** Deliveries past the first of an event: a second copy with another id, or the same id dropped by the bus. */
  doubled: number;
  p50: number;
  p99: number;
  max: number;
  /** The sequence number of the slowest event (-1: none received). */
  slowestSeq: number;
}

/** Subscribers → parent, answering `report`: each subscriber's figures, and all of them merged. */
export interface ReportMessage {
  type: 'report';
  subscribers: SubscriberFigures[];
  all: { samples: number; p50: number; p99: number; p999: number; max: number };
  /** The subscribers process's CPU time so far (user + system), µs. */
  cpuMicros: number;
}

/** Subscribers → parent: every subscriber is connected and subscribed. */
export interface ReadyMessage {
  type: 'ready';
}
