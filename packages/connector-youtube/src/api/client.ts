import { ConnectionError, ProtocolError, redact, type VmscError } from '@vmsc/core';
import type { Credentials } from '../auth.js';
import { YouTubeAuthError } from '../errors.js';
import type { QuotaMethod, QuotaTracker } from '../quota.js';
import { classifyError, parseErrorBody } from './classify.js';

/** Options of {@link DataApiClient}. */
export interface DataApiClientOptions {
  /** `https://www.googleapis.com/youtube/v3` or a fake's URL. */
  baseUrl: string;
  /** Base of `liveChat/messages/stream` (discovery: `https://youtube.googleapis.com/youtube/v3`). */
  streamBaseUrl: string;
  credentials: Credentials;
  quota: QuotaTracker;
  now: () => number;
}

/** One call: its quota bucket, operation name (for messages), path and query. */
export interface ApiCall {
  method: QuotaMethod;
  operation: string;
  path: string;
  params: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

/**
 * The Data API over `fetch`: adds the credential, counts quota, classifies errors by reason,
 * refreshes an OAuth token once after a 401, and never lets a URL (which may hold the API key) into
 * an error.
 */
export class DataApiClient {
  readonly #options: DataApiClientOptions;

  constructor(options: DataApiClientOptions) {
    this.#options = options;
  }

  /** A GET returning JSON. */
  async get<T>(call: ApiCall): Promise<T> {
    const response = await this.#send(call, 'GET', this.#options.baseUrl);
    return (await this.#json(response, call.operation)) as T;
  }

  /** A POST with a JSON body returning JSON (`liveChatMessages.insert`). */
  async post<T>(call: ApiCall, body: unknown): Promise<T> {
    const response = await this.#send(call, 'POST', this.#options.baseUrl, JSON.stringify(body), true);
    return (await this.#json(response, call.operation)) as T;
  }

  /** Opens the streamed `liveChat/messages/stream` response (status checked, body not read). */
  async stream(call: ApiCall): Promise<Response> {
    return this.#send(call, 'GET', this.#options.streamBaseUrl);
  }

  async #send(call: ApiCall, method: string, base: string, body?: string, sending = false, refreshed = false): Promise<Response> {
    const url = new URL(`${base.replace(/\/+$/, '')}/${call.path}`);
    for (const [name, value] of Object.entries(call.params)) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const credentials = this.#options.credentials;
    await credentials.apply(url, headers);
    this.#options.quota.spend(call.method);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      throw this.networkError(call.operation, error);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    const classified = classifyError(response.status, parseErrorBody(text), {
      operation: call.operation,
      secrets: credentials.secrets,
      now: this.#options.now(),
      quotaResetsAt: () => this.#options.quota.markExceeded(),
      sending,
    });
    if (classified instanceof YouTubeAuthError && response.status === 401 && credentials.canRefresh && !refreshed) {
      try {
        await credentials.refresh();
      } catch (error) {
        throw new YouTubeAuthError(`${call.operation}: the token was refused and refreshing it failed`, {
          reason: classified.reason,
          httpStatus: 401,
          cause: this.networkError(call.operation, error),
        });
      }
      return this.#send(call, method, base, body, sending, true);
    }
    throw classified;
  }

  async #json(response: Response, operation: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.networkError(operation, error);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ProtocolError(`${operation} answered with a body that is not JSON`, { cause: error });
    }
  }

  /** A fetch failure as a {@link ConnectionError} whose message names the operation, not the URL. */
  networkError(operation: string, error: unknown): VmscError {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    const name = error instanceof Error ? error.name : '';
    const text = name === 'AbortError' ? 'aborted' : redact(cause, this.#options.credentials.secrets).replace(/https?:\/\/\S+/g, '[url]');
    return new ConnectionError(`${operation}: network error: ${text}`);
  }
}
