import { randomUUID } from 'node:crypto';
import { waitUntil } from '../wait.js';

/** How long a scripting call waits for a connected client before giving up, ms. */
export const SCRIPT_READY_TIMEOUT_MS = 5_000;

/**
 * Waits until `condition` holds (a client is connected/subscribed), so a scripted event is never sent
 * into the void; throws a `TimeoutError` naming `what` otherwise.
 */
export function whenReady(condition: () => boolean, what: string, timeoutMs = SCRIPT_READY_TIMEOUT_MS): Promise<void> {
  return waitUntil(condition, what, { timeoutMs });
}

/** A fresh unique id (UUID v4). */
export function freshId(): string {
  return randomUUID();
}

/** A stable numeric id for a username (so the same name always gets the same user id). */
export function numericIdFor(username: string): number {
  let hash = 7;
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000;
  return 100_000_000 + hash;
}

/** What every fake's scripting API has in common. */
export interface ScriptedFake<Raw> {
  /** The underlying fake, for everything the thin scripting API does not cover. */
  readonly raw: Raw;
  /** Drops every client connection abruptly (no close frame), as a network failure would. */
  dropConnections(): void;
  /** Resolves once a client is connected (and subscribed/joined where the platform has that step). */
  waitForClient(timeoutMs?: number): Promise<void>;
}
