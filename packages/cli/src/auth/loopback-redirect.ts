import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthRequestError } from './errors.js';

/** A one-shot HTTP listener on 127.0.0.1 that receives the browser's OAuth redirect. */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>`: the `redirect_uri`. */
  readonly redirectUri: string;
  /** Resolves with the `code` of the first redirect whose `state` matches; rejects on an `error` redirect. */
  readonly code: Promise<string>;
  close(): void;
}

/**
 * Listens on 127.0.0.1 (`port`, default 0: any free one) for the redirect of an OAuth sign-in for
 * installed apps (RFC 8252 §7.3), checks `state` (CSRF), answers the browser with a short page and
 * closes. A redirect with another state is refused (400) and does not end the wait.
 */
export async function listenForRedirect(state: string, port = 0, signal?: AbortSignal): Promise<LoopbackRedirect> {
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const q = url.searchParams;
    if (q.get('state') !== state) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('This sign-in link is not the one vmsc is waiting for.');
      return;
    }
    const error = q.get('error');
    response.writeHead(error ? 400 : 200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(error ? `Sign-in failed (${error}). You can close this tab.` : 'Signed in: you can close this tab and go back to vmsc.');
    if (error) settle.reject(new OAuthRequestError(`the sign-in was refused (${error})`, error));
    else if (q.get('code')) settle.resolve(q.get('code')!);
    else settle.reject(new OAuthRequestError('the redirect had no code', 'invalid_response'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  signal?.addEventListener('abort', () => settle.reject(new OAuthRequestError('the sign-in was cancelled', 'cancelled')), { once: true });
  void code.then(close, close);
  return { redirectUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, code, close };
}
