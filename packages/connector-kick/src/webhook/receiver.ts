import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { BaseConnector, ConnectionError, ProtocolError, type BaseConnectorOptions, type VmscError } from '@vmsc/core';
import { KickFeedDedupe } from '../delivery/feed-dedupe.js';
import { normalizeKickWebhook } from '../normalize/webhook.js';
import { parseKickTimestamp } from '../normalize/timestamp.js';
import type { KickConnector } from '../kick-connector.js';
import { KickWebhookRequestError, KickWebhookSignatureError } from './errors.js';
import { header, MessageIdWindow, readBody } from './request.js';
import { fetchKickPublicKey, KICK_WEBHOOK_PUBLIC_KEY, loadKickPublicKey, verifyKickSignature } from './signature.js';

/** Options of {@link KickWebhookReceiver}. */
export interface KickWebhookReceiverOptions extends BaseConnectorOptions {
  /** PEM public key the signatures are checked with. Default {@link KICK_WEBHOOK_PUBLIC_KEY}. */
  publicKey?: string;
  /**
   * Fetch the key on `connect()` from `GET {publicKeyUrl}/public/v1/public-key` (Kick's API base
   * URL, e.g. `https://api.kick.com`) instead of using `publicKey`.
   */
  publicKeyUrl?: string;
  /** Host `listen()` binds. Default `127.0.0.1` (put a tunnel or reverse proxy in front). */
  host?: string;
  /** Port `listen()` binds. Default 0 (any free port; read `url`). */
  port?: number;
  /** The path Kick POSTs to. Default `/kick/webhook`; other paths answer 404. */
  path?: string;
  /** Largest body accepted, bytes (413 past it). Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Refuse (400) a message whose `Kick-Event-Message-Timestamp` is further than this from now, ms
   * (replays). Default 600,000 (10 min); `0` turns the check off.
   */
  toleranceMs?: number;
  /** How long a message id is remembered to answer Kick's retries without re-emitting, ms. Default 3,600,000. */
  idempotencyWindowMs?: number;
  /** At most this many message ids are remembered. Default 10,000. */
  idempotencyCapacity?: number;
  /** The Pusher connector of the same channel: its {@link KickConnector.feedDedupe} is shared. */
  connector?: KickConnector;
  /** A dedupe window shared with a KickConnector (`feedDedupe` of both). Ignored when `connector` is given. */
  feedDedupe?: KickFeedDedupe;
  /** Copied to `meta.channel`. Default: the payload's broadcaster slug. */
  channel?: string;
  /** Keep `{ type, version, messageId, body }` as `event.raw`. Default false. */
  keepRaw?: boolean;
}

const json = (res: ServerResponse, status: number, body: object): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * Kick's official event webhooks as a VMSC source (`kick`): verifies `Kick-Event-Signature` with
 * Kick's public key, answers Kick's retries of a message id once handled without re-emitting, maps
 * the ten documented v1 event types onto the same StreamEvents as {@link KickConnector}, and, given
 * `connector` or `feedDedupe`, publishes a happening both feeds report only once.
 *
 * Either listens itself (`connect()` / `listen()`: node:http on `host:port`, POSTs to `path`) or is
 * mounted in an existing server with {@link KickWebhookReceiver.handler} (a node:http request
 * listener; works with express). Answers: 200 accepted (also a duplicate message id, or an
 * unmapped type, published as `unknown`), 401 missing / 403 bad signature, 400 missing headers,
 * malformed JSON or a stale timestamp, 413 too large, 404 other paths, 405 other methods. Every
 * refusal is reported as an `error` (bus notice), never thrown.
 *
 * @example
 * ```ts
 * const kick = new KickConnector({ bus, channel: 'xqc' });
 * const hooks = new KickWebhookReceiver({ bus, connector: kick, port: 8080 });
 * await Promise.all([kick.connect(), hooks.connect()]);
 * ```
 */
export class KickWebhookReceiver extends BaseConnector {
  readonly #options: KickWebhookReceiverOptions;
  readonly #ids: MessageIdWindow;
  readonly #dedupe: KickFeedDedupe | undefined;
  #key: KeyObject | undefined;
  #server: Server | undefined;

  constructor(options: KickWebhookReceiverOptions) {
    super('kick', { ...options, id: options.id ?? 'kick:webhook' });
    this.#options = options;
    this.#ids = new MessageIdWindow(options.idempotencyWindowMs ?? 3_600_000, options.idempotencyCapacity ?? 10_000);
    this.#dedupe = options.connector?.feedDedupe ?? options.feedDedupe;
    if (options.publicKeyUrl === undefined) this.#key = loadKickPublicKey(options.publicKey ?? KICK_WEBHOOK_PUBLIC_KEY);
  }

  override toString(): string {
    return `KickWebhookReceiver(${this.id})`;
  }

  /** The path Kick POSTs to. */
  get path(): string {
    return this.#options.path ?? '/kick/webhook';
  }

  /** The URL the own server listens on (with `path`), once listening. */
  get url(): string | undefined {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) return undefined;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}${this.path}`;
  }

  /**
   * The node:http request listener, to mount the receiver in an existing server
   * (`http.createServer(hooks.handler)`, `app.post('/kick/webhook', hooks.handler)`). It does not look
   * at the path: the host routes.
   */
  readonly handler: RequestListener = (req, res) => {
    void this.#handle(req, res).catch((error: unknown) => {
      this.reportError(this.toVmscError(error, 'Kick webhook request failed'));
      if (!res.headersSent) json(res, 500, { error: 'internal' });
    });
  };

  /** Loads the key (from `publicKeyUrl` when set), starts the own server and resolves once listening. */
  connect(): Promise<void> {
    return this.startConnecting(() => void this.#open());
  }

  /** Same as {@link KickWebhookReceiver.connect}. */
  listen(): Promise<void> {
    return this.connect();
  }

  /** Same as {@link KickWebhookReceiver.connect}. */
  start(): Promise<void> {
    return this.connect();
  }

  /** Loads the key only (from `publicKeyUrl`), for a receiver mounted with `handler`. */
  async loadKey(): Promise<void> {
    if (this.#options.publicKeyUrl !== undefined) this.#key = await fetchKickPublicKey(this.#options.publicKeyUrl);
  }

  async disconnect(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    server?.closeAllConnections();
    this.markDisconnected(new ConnectionError('disconnect() was called', { code: 'KICK_WEBHOOK_CLOSED' }));
  }

  async #open(): Promise<void> {
    try {
      await this.loadKey();
      // The own server answers `path` only; a mounted `handler` leaves routing to its host.
      const server = createServer((req, res) => {
        if ((req.url ?? '/').split('?')[0] !== this.path) json(res, 404, { error: 'not found' });
        else this.handler(req, res);
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.#options.port ?? 0, this.#options.host ?? '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      server.on('error', (error) => this.reportError(this.toVmscError(error)));
      if (!this.wanted) {
        server.close();
        return;
      }
      this.#server = server;
      this.markConnected('Kick retries a webhook up to 3 times; messages sent while down may be lost');
    } catch (error) {
      this.markFailed(this.toVmscError(error));
    }
  }

  #refuse(res: ServerResponse, error: VmscError & { status?: number }, status: number): void {
    this.reportError(error);
    json(res, status, { error: error.message });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
    let raw: Buffer;
    try {
      raw = await readBody(req, this.#options.maxBodyBytes ?? 1_048_576);
    } catch (error) {
      const refused = error instanceof KickWebhookRequestError ? error : new KickWebhookRequestError(String(error), 400);
      return this.#refuse(res, refused, refused.status);
    }
    const messageId = header(req, 'Kick-Event-Message-Id');
    const timestamp = header(req, 'Kick-Event-Message-Timestamp');
    const signature = header(req, 'Kick-Event-Signature');
    const type = header(req, 'Kick-Event-Type');
    const version = header(req, 'Kick-Event-Version');
    if (signature === undefined) {
      return this.#refuse(res, new KickWebhookSignatureError('Kick webhook without Kick-Event-Signature', messageId), 401);
    }
    if (messageId === undefined || timestamp === undefined || type === undefined || version === undefined) {
      const missing = [
        ['Kick-Event-Message-Id', messageId],
        ['Kick-Event-Message-Timestamp', timestamp],
        ['Kick-Event-Type', type],
        ['Kick-Event-Version', version],
      ]
        .filter(([, value]) => value === undefined)
        .map(([name]) => name);
      return this.#refuse(res, new KickWebhookRequestError(`Kick webhook lacks ${missing.join(', ')}`, 400), 400);
    }
    const key = this.#key;
    if (!key) return this.#refuse(res, new ConnectionError("Kick's public key is not loaded yet", { code: 'KICK_WEBHOOK_NO_KEY' }), 503);
    if (!verifyKickSignature(key, messageId, timestamp, raw, signature)) {
      return this.#refuse(res, new KickWebhookSignatureError(`Kick webhook ${messageId}: signature does not verify`, messageId), 403);
    }
    const now = this.clock.now();
    if (this.#ids.has(messageId, now)) return json(res, 200, { ok: true, duplicate: true });
    const tolerance = this.#options.toleranceMs ?? 600_000;
    const sentAt = parseKickTimestamp(timestamp);
    if (tolerance > 0 && (sentAt === undefined || Math.abs(now - sentAt) > tolerance)) {
      return this.#refuse(
        res,
        new KickWebhookRequestError(`Kick webhook ${messageId}: timestamp ${timestamp} is outside the tolerance`, 400),
        400,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      return this.#refuse(res, new KickWebhookRequestError(`Kick webhook ${messageId}: body is not JSON`, 400, { cause: error }), 400);
    }
    this.#ids.add(messageId, now);
    this.#accept({ type, version, messageId, body });
    json(res, 200, { ok: true });
  }

  #accept(message: { type: string; version: string; messageId: string; body: unknown }): void {
    const context = {
      ...(this.#options.channel !== undefined ? { channel: this.#options.channel } : {}),
      keepRaw: this.#options.keepRaw === true,
    };
    const result = normalizeKickWebhook(message, context);
    if (result.problem !== undefined) {
      this.reportError(new ProtocolError(`malformed Kick webhook: ${result.problem}`, { code: 'KICK_MALFORMED_WEBHOOK' }));
    }
    if (this.#dedupe === undefined || this.#dedupe.admit('webhook', result.event)) this.publish(result.event);
  }
}
