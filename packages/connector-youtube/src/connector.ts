import {
  BaseConnector,
  ConnectionError,
  ProtocolError,
  ChatNotAllowedError,
  chatCapabilities,
  checkChatLength,
  createEvent,
  READ_ONLY_CAPABILITIES,
  type ChatLimits,
  type ChatOutbox,
  type ChatSender,
  type ConnectorCapabilities,
  type SendChatOptions,
  type SendChatResult,
  type VmscError,
} from '@vmsc/core';
import { Credentials } from './auth.js';
import { toChatError, YOUTUBE_CHAT_LIMITS } from './chat.js';
import { classifyError, isTransient } from './api/classify.js';
import { DataApiClient } from './api/client.js';
import { streamElements } from './api/stream-body.js';
import {
  YouTubeApiError,
  YouTubeChatEndedError,
  YouTubeQuotaExceededError,
  YouTubeRateLimitError,
  YouTubeSendChatError,
} from './errors.js';
import { ChatPipeline } from './normalize/pipeline.js';
import type { YouTubeConnectorHealth, YouTubeConnectorOptions, YouTubeReadMode } from './options.js';
import { QuotaTracker, resolveQuotaCosts, type QuotaEstimate } from './quota.js';
import type { RawErrorBody } from './raw/api.js';
import type { RawListResponse, RawLiveChatMessage } from './raw/messages.js';
import { resolveMine, resolveVideo, type ResolvedChat } from './resolve.js';

const DEFAULT_BASE = 'https://www.googleapis.com/youtube/v3';
const DEFAULT_STREAM_BASE = 'https://youtube.googleapis.com/youtube/v3';
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const SENDS: ConnectorCapabilities = chatCapabilities(false);

/**
 * YouTube live chat through the Data API v3: resolves the chat, reads it by polling or streaming,
 * publishes typed events of source `youtube`, and sends chat with `sendChat` (OAuth).
 *
 * - Polling waits `pollingIntervalMillis` after every page and follows `nextPageToken`; after a
 *   failure it retries with backoff using the same token, so nothing is lost.
 * - Streaming parses the streamed JSON array incrementally and, after a drop, resumes with the last
 *   `nextPageToken` (no gap).
 * - The first page (recent messages from before connecting) is skipped unless `replayHistory`.
 * - Errors are classified by `errors[0].reason`: `quotaExceeded` stops until midnight Pacific
 *   (status `error`, {@link YouTubeQuotaExceededError} with `resetsAt`, then resumes by itself),
 *   `rateLimitExceeded` slows down, `liveChatEnded` / `chatEndedEvent` / `offlineAt` publish
 *   `stream_offline` and stop, `liveChatNotFound`, `liveChatDisabled`, `forbidden` and auth
 *   failures stop with typed errors; a 401 refreshes the token once through the provider.
 *
 * @example
 * ```ts
 * const youtube = new YouTubeConnector({ bus, auth: { apiKey: process.env.YT_KEY! }, target: { videoId: 'dfJkAztJwA4' } });
 * bus.on('super_chat', (e) => console.log(e.user.nickname, e.data.amountString, e.data.currency));
 * await youtube.connect();
 * console.log(youtube.quota.exhaustedAt); // when today's quota runs out at this polling rate
 * ```
 */
export class YouTubeConnector extends BaseConnector implements ChatSender {
  readonly #options: YouTubeConnectorOptions;
  readonly #mode: YouTubeReadMode;
  readonly #credentials: Credentials;
  readonly #quota: QuotaTracker;
  readonly #client: DataApiClient;
  #pipeline: ChatPipeline;
  #resolved: ResolvedChat | undefined;
  #pageToken: string | undefined;
  #pollIntervalMs: number | undefined;
  #running = false;
  #generation = 0;
  #timer: unknown;
  #abort: AbortController | undefined;
  #rateLimitStreak = 0;
  #duplicates = 0;
  #chatEnded = false;
  #lostAt: number | undefined;
  /** When this session first read the chat (its backlog is what came before). */
  #connectedAt: number | undefined;
  /** Reconnected before the first page arrived: the next backlog may hold messages from after {@link #connectedAt}. */
  #backlogMayHideMessages = false;
  #historyPending = true;
  readonly #outbox: ChatOutbox;

  constructor(options: YouTubeConnectorOptions) {
    const target = options.target;
    const name = 'videoId' in target ? target.videoId : 'liveChatId' in target ? target.liveChatId : 'mine';
    super('youtube', { ...options, id: options.id ?? `youtube:${name}` });
    this.#options = options;
    this.#mode = options.mode ?? 'poll';
    this.#credentials = new Credentials(options.auth);
    this.#quota = new QuotaTracker({
      dailyLimit: options.quotaPerDay,
      costs: resolveQuotaCosts(options.quotaCosts),
      now: () => this.clock.now(),
    });
    this.#client = new DataApiClient({
      baseUrl: options.apiBaseUrl ?? DEFAULT_BASE,
      streamBaseUrl: options.streamBaseUrl ?? options.apiBaseUrl ?? DEFAULT_STREAM_BASE,
      credentials: this.#credentials,
      quota: this.#quota,
      now: () => this.clock.now(),
    });
    if ('liveChatId' in target) this.#resolved = { liveChatId: target.liveChatId };
    this.#pipeline = this.#newPipeline();
    this.#outbox = this.createChatOutbox(
      (text) => this.#insert(text),
      () => options.chatRate ?? YOUTUBE_CHAT_LIMITS.rate,
    );
  }

  /** Sends chat with OAuth (an API key only reads); YouTube has no threaded replies. */
  override get capabilities(): ConnectorCapabilities {
    return this.#credentials.kind === 'oauth' ? SENDS : READ_ONLY_CAPABILITIES;
  }

  /** YouTube's chat limits ({@link YOUTUBE_CHAT_LIMITS}). */
  get chatLimits(): ChatLimits {
    return YOUTUBE_CHAT_LIMITS;
  }

  override toString(): string {
    return `YouTubeConnector(${this.id}, ${this.status})`;
  }

  /** Today's quota use as this connector counted it, and how long the rest lasts at the current polling interval. */
  get quota(): QuotaEstimate {
    return this.#quota.estimate(this.#mode === 'poll' && this.#running ? this.#pollIntervalMs : undefined);
  }

  /** The chat being read, once resolved. */
  get liveChatId(): string | undefined {
    return this.#resolved?.liveChatId;
  }

  override get health(): YouTubeConnectorHealth {
    return {
      ...super.health,
      liveChatId: this.#resolved?.liveChatId,
      mode: this.#mode,
      pollIntervalMs: this.#pollIntervalMs,
      quota: this.quota,
      duplicatesDropped: this.#duplicates,
      chatEnded: this.#chatEnded,
    };
  }

  connect(): Promise<void> {
    return this.startConnecting(() => this.#begin());
  }

  async disconnect(): Promise<void> {
    this.#halt();
    this.#outbox.clear(new ConnectionError('disconnect() was called before the chat message was sent', { code: 'DISCONNECTED' }));
    this.markDisconnected(new ConnectionError('disconnect() was called before the connection was established', { code: 'DISCONNECTED' }));
  }

  /**
   * Sends a chat message as the authorised user (`liveChatMessages.insert`, OAuth scope `youtube`
   * or `youtube.force-ssl`; 50 quota units) through the connector's outbox (never faster than
   * `chatRate`, one at a time, an `idempotencyKey` never twice). The chat is resolved first if
   * `connect()` has not. YouTube has no threaded replies: `replyTo` is accepted and the message is
   * sent as an ordinary one (mention the user in the text).
   *
   * Rejects with core's typed errors: `ChatMessageTooLongError` (over 200 characters, before
   * sending), `ChatRateLimitedError` (`rateLimitExceeded`, retried until the outbox gives up),
   * `ChatNotAllowedError` (no OAuth, `forbidden`, `liveChatEnded`, `liveChatDisabled`; the YouTube
   * error as `cause`), {@link YouTubeSendChatError} for other refusals (`messageTextInvalid`...).
   * The sent message also comes back through the chat like any other.
   *
   * @example
   * ```ts
   * bus.on('chat', (e) => e.data.message === '!hi' && youtube.sendChat(`hi ${e.user.nickname}!`, { replyTo: e }));
   * ```
   */
  sendChat(text: string, options: SendChatOptions = {}): Promise<SendChatResult> {
    if (this.#credentials.kind !== 'oauth') {
      return Promise.reject(
        new ChatNotAllowedError('sending YouTube chat needs OAuth (an API key can only read)', 'oauth-required', {
          code: 'YOUTUBE_CHAT_NEEDS_OAUTH',
        }),
      );
    }
    if (text.trim().length === 0) {
      return Promise.reject(new YouTubeSendChatError('a YouTube chat message cannot be empty', { reason: 'messageTextRequired' }));
    }
    try {
      checkChatLength(text, YOUTUBE_CHAT_LIMITS, 'YouTube');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.#outbox.send(text, options);
  }

  async #insert(text: string): Promise<SendChatResult> {
    try {
      const chat = this.#resolved ?? (this.#resolved = await this.#resolve());
      const created = await this.#client.post<RawLiveChatMessage>(
        { method: 'insert', operation: 'liveChatMessages.insert', path: 'liveChat/messages', params: { part: 'snippet' } },
        { snippet: { liveChatId: chat.liveChatId, type: 'textMessageEvent', textMessageDetails: { messageText: text } } },
      );
      return created.id ? { messageId: created.id } : {};
    } catch (error) {
      throw toChatError(this.toVmscError(error));
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  #newPipeline(): ChatPipeline {
    return new ChatPipeline({
      ...(this.#resolved ? { liveChatId: this.#resolved.liveChatId } : {}),
      ...(this.#options.keepRaw ? { keepRaw: true } : {}),
      ...(this.#options.idMemory ? { idMemory: this.#options.idMemory } : {}),
    });
  }

  /** Starts a fresh session: resolve (if needed), first page (history), then read. */
  #begin(): void {
    this.#halt();
    this.#running = true;
    this.#chatEnded = false;
    this.#pageToken = undefined;
    this.#historyPending = true;
    this.#lostAt = undefined;
    this.#connectedAt = undefined;
    this.#backlogMayHideMessages = false;
    if (!('liveChatId' in this.#options.target)) this.#resolved = undefined;
    this.#pipeline.reset(this.#resolved?.liveChatId);
    this.setStatus('connecting');
    const generation = this.#generation;
    void this.#read(generation);
  }

  /** Stops timers, requests and retries; invalidates callbacks of the current generation. */
  #halt(): void {
    this.#running = false;
    this.#generation++;
    this.reconnector.cancel();
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #resolve(signal?: AbortSignal): Promise<ResolvedChat> {
    const target = this.#options.target;
    if ('liveChatId' in target) return { liveChatId: target.liveChatId };
    if ('videoId' in target) return resolveVideo(this.#client, target.videoId, signal);
    return resolveMine(this.#client, this.#credentials.kind === 'oauth', signal);
  }

  /** One read step: a poll, or one streamed connection until it ends. Failures go to {@link #onFailure}. */
  async #read(generation: number): Promise<void> {
    if (!this.#running || generation !== this.#generation) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      if (!this.#resolved) {
        this.#resolved = await this.#resolve(abort.signal);
        this.#pipeline.reset(this.#resolved.liveChatId);
      }
      if (generation !== this.#generation) return;
      if (this.#mode === 'poll') await this.#pollOnce(generation, abort.signal);
      else await this.#streamOnce(generation, abort.signal);
    } catch (error) {
      if (generation !== this.#generation || !this.#running) return;
      this.#onFailure(generation, this.toVmscError(error));
    }
  }

  #listParams(): Record<string, string | number | undefined> {
    return {
      liveChatId: this.#resolved!.liveChatId,
      part: 'snippet,authorDetails',
      pageToken: this.#pageToken,
      maxResults: this.#options.maxResults,
      profileImageSize: this.#options.profileImageSize,
      hl: this.#options.hl,
    };
  }

  async #pollOnce(generation: number, signal: AbortSignal): Promise<void> {
    const page = await this.#client.get<RawListResponse>({
      method: 'list',
      operation: 'liveChatMessages.list',
      path: 'liveChat/messages',
      params: this.#listParams(),
      signal,
    });
    if (generation !== this.#generation) return;
    if (typeof page !== 'object' || page === null)
      throw new ProtocolError('liveChatMessages.list answered with a body that is not an object');
    this.#rateLimitStreak = 0;
    this.#markConnected();
    if (!this.#onPage(page)) return;
    const interval =
      typeof page.pollingIntervalMillis === 'number' && page.pollingIntervalMillis >= 0 ? page.pollingIntervalMillis : undefined;
    this.#pollIntervalMs = interval ?? this.#options.fallbackPollIntervalMs ?? 5_000;
    this.#schedule(generation, this.#pollIntervalMs);
  }

  async #streamOnce(generation: number, signal: AbortSignal): Promise<void> {
    const response = await this.#client.stream({
      method: 'stream',
      operation: 'liveChatMessages.stream',
      path: 'liveChat/messages/stream',
      params: this.#listParams(),
      signal,
    });
    if (generation !== this.#generation) return;
    if (!response.body) throw new ProtocolError('liveChatMessages.stream answered without a body');
    this.#markConnected();
    let elements = 0;
    for await (const element of streamElements(response.body, (cause) => this.#client.networkError('liveChatMessages.stream', cause))) {
      if (generation !== this.#generation) return;
      elements++;
      if (!this.#onStreamElement(element)) return;
    }
    if (generation !== this.#generation) return;
    // The server closed the array: reopen where it stopped (right away when it sent something).
    this.#reopen(generation, elements);
  }

  /** Reopens the stream after the server ended it cleanly; backs off if it ended without sending anything. */
  #reopen(generation: number, elements: number): void {
    if (elements > 0) this.#schedule(generation, 0);
    else this.reconnector.schedule(() => this.#read(generation));
  }

  /** Handles one streamed element (a list response, or an error envelope). Returns `false` once the chat ended. */
  #onStreamElement(element: unknown): boolean {
    if (typeof element !== 'object' || element === null) {
      this.reportError(
        new ProtocolError('liveChatMessages.stream sent an element that is not an object', { code: 'YOUTUBE_STREAM_MALFORMED' }),
      );
      return true;
    }
    const error = (element as RawErrorBody).error;
    if (error) {
      throw classifyError(typeof error.code === 'number' ? error.code : 500, element as RawErrorBody, {
        operation: 'liveChatMessages.stream',
        secrets: this.#credentials.secrets,
        now: this.clock.now(),
        quotaResetsAt: () => this.#quota.markExceeded(),
      });
    }
    return this.#onPage(element as RawListResponse);
  }

  /** Publishes a page's events (skipping the backlog unless asked). Returns `false` once the chat ended. */
  #onPage(page: RawListResponse): boolean {
    const history = this.#historyPending;
    this.#historyPending = false;
    if (typeof page.nextPageToken === 'string' && page.nextPageToken) this.#pageToken = page.nextPageToken;
    const now = this.clock.now();
    const result = this.#pipeline.process(page, history, now);
    this.#duplicates += result.duplicates;
    const publishHistory = this.#options.replayHistory === true;
    for (const event of result.events) {
      if (history && !publishHistory && event.type !== 'stream_offline') continue;
      this.publish(event);
    }
    if (this.#lostAt !== undefined) {
      this.reportGap(this.#lostAt, now, 'the page token was refused; restarted from the recent messages');
      this.#lostAt = undefined;
    } else if (history && this.#backlogMayHideMessages && !publishHistory && this.#connectedAt !== undefined) {
      // The connection broke before its first page (no page token yet): the backlog now also holds
      // what arrived since connecting, and it was skipped as history.
      this.reportGap(
        this.#connectedAt,
        now,
        'the connection broke before the first page; messages since connecting were skipped as backlog',
      );
    }
    if (result.ended) {
      this.#endChat(undefined);
      return false;
    }
    return true;
  }

  #schedule(generation: number, delayMs: number): void {
    if (!this.#running || generation !== this.#generation) return;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#read(generation);
    }, delayMs);
  }

  #markConnected(): void {
    if (this.#connectedAt === undefined) this.#connectedAt = this.clock.now();
    else if (this.#historyPending) this.#backlogMayHideMessages = true;
    // Reading resumes from the page token, so there is no gap to report here (see #onPage).
    this.markConnected('');
  }

  #onFailure(generation: number, error: VmscError): void {
    if (error instanceof YouTubeChatEndedError) return this.#endChat(error);
    if (error instanceof YouTubeQuotaExceededError) return this.#quotaStop(error);
    if (error instanceof YouTubeRateLimitError) {
      this.reportError(error);
      this.#rateLimitStreak++;
      const base = this.#pollIntervalMs ?? this.#options.fallbackPollIntervalMs ?? 5_000;
      const wait = Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(1, base) * 2 ** this.#rateLimitStreak);
      this.#schedule(generation, wait);
      return;
    }
    if (error instanceof YouTubeApiError && error.code === 'YOUTUBE_PAGE_TOKEN_INVALID' && this.#pageToken !== undefined) {
      this.reportError(error);
      this.#pageToken = undefined;
      this.#lostAt = this.health.lastEventAt ?? this.clock.now();
      this.#schedule(generation, 0);
      return;
    }
    if (isTransient(error)) {
      this.setStatus('reconnecting', error);
      this.reconnector.schedule(() => this.#read(generation));
      return;
    }
    this.#fail(error);
  }

  /** Status `error`: stop and reject a pending `connect()`. */
  #fail(error: VmscError): void {
    this.#halt();
    this.markFailed(error);
  }

  /** `quotaExceeded`: status `error` until the reset, then (by default) start again. */
  #quotaStop(error: YouTubeQuotaExceededError): void {
    this.#fail(error);
    if (this.#options.resumeAfterQuotaReset === false) return;
    const generation = this.#generation;
    const wait = Math.max(0, error.resetsAt - this.clock.now()) + 1_000;
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      if (generation === this.#generation && this.status === 'error') this.#begin();
    }, wait);
  }

  /** The chat is over: publish `stream_offline` (once) and stop. */
  #endChat(error: YouTubeChatEndedError | undefined): void {
    this.#chatEnded = true;
    if (error) {
      this.publish(
        createEvent({
          source: 'youtube',
          type: 'stream_offline',
          data: { reason: 'liveChatEnded' },
          ...(this.#resolved ? { meta: { channel: this.#resolved.liveChatId } } : {}),
        }),
      );
    }
    this.#halt();
    // Ended before this session read its first page: like any refusal, `connect()` rejects.
    if (error && this.#connectedAt === undefined) return this.markFailed(error);
    this.markDisconnected(error ?? new YouTubeChatEndedError('the YouTube live chat ended'));
  }
}
