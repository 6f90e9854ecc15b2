import type { ConnectorStatus, StreamEvent } from '@vmsc/core';
import type { HubView } from '../view/hub-view.js';
import type { HubLog } from './hub-log.js';

/**
 * A {@link HubView} that writes what the hub shows to the log file, with a level and fields:
 * connector statuses (`error` → error, `reconnecting` → warn, others info), errors, notices and
 * what rules' actions write (info), the line of each rule run and events (debug: a busy chat runs rules many times a second;
 * failed runs get their own error line from {@link logRuleRuns}, and the journal keeps events whole).
 */
export class LogView implements HubView {
  readonly #log: HubLog;

  constructor(log: HubLog) {
    this.#log = log;
  }

  connectorStatus(id: string, source: string, status: ConnectorStatus, detail?: string): void {
    const level = status === 'error' ? 'error' : status === 'reconnecting' ? 'warn' : 'info';
    this.#log.write(level, `${id} (${source}) ${status}${detail ? ` — ${detail}` : ''}`, {
      kind: 'status',
      connector: id,
      source,
      status,
      ...(detail ? { detail } : {}),
    });
  }

  event(event: StreamEvent): void {
    if (!this.#log.enabled('debug')) return;
    this.#log.write('debug', `${event.source} ${event.type}`, {
      kind: 'event',
      event: { id: event.id, type: event.type, source: event.source, user: event.user.username },
    });
  }

  ruleRun(line: string): void {
    if (!this.#log.enabled('debug')) return;
    this.#log.write('debug', line, { kind: 'rule' });
  }

  ruleMessage(rule: string, message: string): void {
    this.#log.write('info', `${rule}: ${message}`, { kind: 'rule-message', rule });
  }

  error(origin: string, message: string): void {
    this.#log.write('error', `${origin}: ${message}`, { kind: 'error', origin });
  }

  info(message: string): void {
    this.#log.write('info', message, { kind: 'info' });
  }

  /** The log file is closed by its owner ({@link HubLog.close}), after the hub has stopped. */
  close(): void {}
}

/** A view that shows everything on each of `views` (the terminal and the log file); one that throws does not stop the others. */
export function teeView(...views: HubView[]): HubView {
  const each = (call: (view: HubView) => void) => {
    for (const view of views) {
      try {
        call(view);
      } catch {
        // A view must not take the hub or the other views down.
      }
    }
  };
  return {
    connectorStatus: (id, source, status, detail) => each((view) => view.connectorStatus(id, source, status, detail)),
    event: (event) => each((view) => view.event(event)),
    ruleRun: (line) => each((view) => view.ruleRun(line)),
    ruleMessage: (rule, message) => each((view) => view.ruleMessage(rule, message)),
    error: (origin, message) => each((view) => view.error(origin, message)),
    info: (message) => each((view) => view.info(message)),
    close: () => each((view) => view.close()),
  };
}
