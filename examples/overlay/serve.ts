/**
 * A tiny static server for the overlay (node:http, no dependencies): serves the page's files and
 * the browser build of @vmsc/custom-ws-client as `/vmsc-client.js`. Only the overlay's own files
 * are served (an allow-list, so no path can escape the folder).
 *
 * Run: `pnpm --filter @vmsc/custom-ws-client build && npx tsx examples/overlay/serve.ts [--port 8080]`,
 * then open `http://127.0.0.1:8080/?url=ws://127.0.0.1:7895&token=<token>`.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The default client bundle: the package's built `./browser` export. */
export const DEFAULT_CLIENT_BUNDLE = fileURLToPath(new URL('../../packages/custom-ws-client/dist/browser.js', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Options of {@link startOverlayServer}. */
export interface OverlayServerOptions {
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Path of the browser build served as `/vmsc-client.js` (default {@link DEFAULT_CLIENT_BUNDLE}). */
  clientBundle?: string;
}

/** A running overlay server. */
export interface OverlayServer {
  /** `http://host:port/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the static server.
 *
 * @example
 * ```ts
 * const overlay = await startOverlayServer({ port: 8080 });
 * console.log(`${overlay.url}?url=ws://127.0.0.1:7895&token=${token}`);
 * ```
 */
export async function startOverlayServer(options: OverlayServerOptions = {}): Promise<OverlayServer> {
  const bundle = options.clientBundle ?? DEFAULT_CLIENT_BUNDLE;
  const files = new Map<string, string>([
    ['/', `${here}index.html`],
    ['/index.html', `${here}index.html`],
    ['/overlay.js', `${here}overlay.js`],
    ['/overlay.css', `${here}overlay.css`],
    ['/describe-event.js', `${here}describe-event.js`],
    ['/vmsc-client.js', bundle],
    ['/vmsc-client.js.map', `${bundle}.map`],
  ]);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    stat(file).then(
      (info) => {
        const extension = /\.[a-z]+$/.exec(file)?.[0] ?? '';
        response.writeHead(200, {
          'content-type': TYPES[extension] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => {
        const hint = path.startsWith('/vmsc-client.js') ? ' (build it: pnpm --filter @vmsc/custom-ws-client build)' : '';
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}${hint}`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 8080;
  const local = `${here}vmsc-client.js`;
  const clientBundle = existsSync(DEFAULT_CLIENT_BUNDLE) ? DEFAULT_CLIENT_BUNDLE : local;
  if (!existsSync(clientBundle)) {
    console.error('The browser build is missing: run `pnpm --filter @vmsc/custom-ws-client build` first.');
    process.exit(1);
  }
  const overlay = await startOverlayServer({ port, clientBundle });
  console.log(`VMSC overlay on ${overlay.url}?url=ws://127.0.0.1:7895&token=<your hub token>`);
}
