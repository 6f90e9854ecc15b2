import type { ConnectorStatus, StreamEvent } from '@vmsc/core';
import { colours, sourceColour, statusColour, type Colours } from './colour.js';
import { describeEvent } from './format-event.js';

/** What the hub shows: connector statuses, the event feed, rule runs, errors. */
export interface HubView {
  connectorStatus(id: string, source: string, status: ConnectorStatus, detail?: string): void;
  event(event: StreamEvent): void;
  /** One rule run: its outcome and duration. */
  ruleRun(line: string): void;
  /** A message a rule's action wrote (the `log` action, an action's warning): not a run. */
  ruleMessage(rule: string, message: string): void;
  error(origin: string, message: string): void;
  info(message: string): void;
  close(): void;
}

/** Where the view writes. */
export interface ViewOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

function time(): string {
  return new Date().toISOString().slice(11, 19);
}

/** Plain log lines, for pipes, files and CI: one line per happening, no cursor movement. */
export class PlainView implements HubView {
  readonly #out: ViewOutput;
  readonly #c: Colours;

  constructor(out: ViewOutput, useColour = false) {
    this.#out = out;
    this.#c = colours(useColour);
  }

  #line(kind: string, text: string): void {
    this.#out.write(`${time()} ${kind.padEnd(7)} ${text}\n`);
  }

  connectorStatus(id: string, source: string, status: ConnectorStatus, detail?: string): void {
    this.#line('status', `${id} (${source}) ${this.#c.paint(statusColour[status] ?? 37, status)}${detail ? ` — ${detail}` : ''}`);
  }

  event(event: StreamEvent): void {
    this.#line('event', `${this.#c.paint(sourceColour[event.source] ?? 37, event.source)} ${event.type}: ${describeEvent(event)}`);
  }

  ruleRun(line: string): void {
    this.#line('rule', line);
  }

  ruleMessage(rule: string, message: string): void {
    this.#line('rule', `${rule}: ${message}`);
  }

  error(origin: string, message: string): void {
    this.#line('error', this.#c.paint(31, `${origin}: ${message}`));
  }

  info(message: string): void {
    this.#line('info', message);
  }

  close(): void {}
}

interface ConnectorLine {
  source: string;
  status: ConnectorStatus;
  detail: string | undefined;
}

/**
 * The live terminal view: one status line per connector (coloured by state) on top, then the latest
 * events, rule runs and errors. Redraws at most every `intervalMs`.
 */
export class TerminalView implements HubView {
  readonly #out: ViewOutput;
  readonly #c = colours(true);
  readonly #connectors = new Map<string, ConnectorLine>();
  readonly #feed: string[] = [];
  readonly #feedSize: number;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #eventCount = 0;
  #ruleRuns = 0;

  constructor(out: ViewOutput, options: { feedSize?: number; intervalMs?: number } = {}) {
    this.#out = out;
    this.#feedSize = options.feedSize ?? 18;
    this.#intervalMs = options.intervalMs ?? 100;
  }

  #push(line: string): void {
    this.#feed.push(`${this.#c.paint(90, time())} ${line}`);
    if (this.#feed.length > this.#feedSize) this.#feed.shift();
    this.#schedule();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.render();
    }, this.#intervalMs);
  }

  /** Draws the whole view now. */
  render(): void {
    const lines = [this.#c.paint(1, `VMSC hub — ${this.#eventCount} events, ${this.#ruleRuns} rule runs`), ''];
    for (const [id, line] of this.#connectors) {
      const dot = this.#c.paint(statusColour[line.status] ?? 37, '●');
      lines.push(`${dot} ${id.padEnd(24)} ${this.#c.paint(statusColour[line.status] ?? 37, line.status.padEnd(12))} ${line.detail ?? ''}`);
    }
    lines.push('', ...this.#feed);
    this.#out.write(`\u001b[H\u001b[J${lines.join('\n')}\n`);
  }

  connectorStatus(id: string, source: string, status: ConnectorStatus, detail?: string): void {
    this.#connectors.set(id, { source, status, detail });
    this.#schedule();
  }

  event(event: StreamEvent): void {
    this.#eventCount++;
    this.#push(
      `${this.#c.paint(sourceColour[event.source] ?? 37, event.source.padEnd(14))} ${event.type.padEnd(18)} ${describeEvent(event)}`,
    );
  }

  ruleRun(line: string): void {
    this.#ruleRuns++;
    this.#push(this.#c.paint(33, `rule  ${line}`));
  }

  ruleMessage(rule: string, message: string): void {
    this.#push(this.#c.paint(33, `rule  ${rule}: ${message}`));
  }

  error(origin: string, message: string): void {
    this.#push(this.#c.paint(31, `error ${origin}: ${message}`));
  }

  info(message: string): void {
    this.#push(message);
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.render();
  }
}

/** The terminal view on a TTY, plain log lines otherwise. */
export function createView(out: ViewOutput & { isTTY?: boolean }): HubView {
  return out.isTTY ? new TerminalView(out) : new PlainView(out);
}
