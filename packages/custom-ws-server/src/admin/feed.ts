import type { EventBus, StreamEvent, Unsubscribe } from '@vmsc/core';
import type { AdminConnectorInfo, AdminPushMessage } from '@vmsc/core/protocol';
import type { Connection } from '../connection.js';
import type { Outbox } from '../outbox.js';
import type { AdminHandler } from './handler.js';
import { errorInfo } from './json.js';

/**
 * Pushes run reports (`ruleRun`), connector status changes (`connectorStatusChanged`) and dedupe
 * notices (`deduped`) to the
 * connections that asked for them with `adminSubscribe` (and still have the `admin` scope).
 */
export class AdminFeed {
  readonly #admin: AdminHandler;
  readonly #bus: EventBus;
  readonly #connections: ReadonlySet<Connection>;
  readonly #outbox: Outbox;
  #off: Unsubscribe[] = [];

  constructor(options: { admin: AdminHandler; bus: EventBus; connections: ReadonlySet<Connection>; outbox: Outbox }) {
    this.#admin = options.admin;
    this.#bus = options.bus;
    this.#connections = options.connections;
    this.#outbox = options.outbox;
  }

  /** Starts listening to the engine's runs and the bus's status notices. */
  start(): void {
    if (this.#off.length > 0) return;
    this.#off.push(
      this.#admin.onRun((run) => this.#push('runs', { action: 'ruleRun', run })),
      this.#bus.onNotice('deduped', (notice) => {
        const ref = (event: StreamEvent) => ({ id: event.id, type: event.type, source: event.source, timestamp: event.timestamp });
        this.#push('notices', {
          action: 'deduped',
          reason: notice.reason,
          kept: ref(notice.kept),
          dropped: ref(notice.dropped),
          detail: notice.detail,
        });
      }),
      this.#bus.onNotice((notice) => {
        if (notice.kind !== 'status') return;
        const known = this.#admin.connectors().find((candidate) => candidate.id === notice.connector);
        // The notice's status is the one this change is about (a later change has its own notice).
        const connector: AdminConnectorInfo = known
          ? { ...known, status: notice.status, ...(notice.error ? { lastError: errorInfo(notice.error) } : {}) }
          : {
              id: notice.connector,
              source: notice.source,
              status: notice.status,
              ...(notice.error ? { lastError: errorInfo(notice.error) } : {}),
              eventCount: 0,
              reconnectAttempts: 0,
            };
        this.#push('connectors', { action: 'connectorStatusChanged', connector, previous: notice.previous });
      }),
    );
  }

  /** Stops listening. */
  stop(): void {
    for (const off of this.#off.splice(0)) off();
  }

  #push(feed: 'runs' | 'connectors' | 'notices', message: AdminPushMessage): void {
    for (const connection of this.#connections) {
      if (connection.adminFeed[feed] && connection.grant.scopes.includes('admin')) this.#outbox.send(connection, message);
    }
  }
}
