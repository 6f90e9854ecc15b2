import { readFile, realpath, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Static files served over HTTP on the custom WebSocket server's own port (the hub's dashboard),
 * so one port serves the page and the WebSocket it talks to.
 *
 * @packageDocumentation
 */

/** A folder of static files served under a URL path prefix (see `CustomWsServerOptions.staticRoutes`). */
export interface StaticRoute {
  /** URL path prefix, starting and ending with `/`, e.g. `/dashboard/`. `/dashboard` redirects to it. */
  path: string;
  /** The folder served (absolute). Only files inside it are served: `..` and symlinks out are refused. */
  dir: string;
  /** The file answered for the prefix itself. Default `index.html`. */
  index?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Headers of every static answer: the page may load only its own files and open WebSockets to this
 * server (`connect-src 'self'`), may not be framed by another site, and sends no referrer.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  response.end(text);
}

/** Checks a route's `path` (throws a plain `Error` for a bad one; the server wraps it). */
export function checkStaticRoute(route: StaticRoute): void {
  if (!/^\/([A-Za-z0-9._-]+\/)+$/.test(route.path)) {
    throw new Error(`static route path must look like "/dashboard/" (got "${route.path}")`);
  }
}

/**
 * Answers a GET/HEAD request for a file of `routes`; returns false when no route matches (the
 * caller answers). A path outside a route's folder, a folder, or a missing file is a 404.
 */
export async function serveStatic(routes: readonly StaticRoute[], request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const pathname = url.pathname;
  const route = routes.find((candidate) => pathname.startsWith(candidate.path) || pathname === candidate.path.slice(0, -1));
  if (!route) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    answer(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    return true;
  }
  if (pathname === route.path.slice(0, -1)) {
    answer(response, 308, 'Moved', { location: route.path });
    return true;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(route.path.length)) || (route.index ?? 'index.html');
  } catch {
    answer(response, 400, 'Bad path');
    return true;
  }
  const root = resolve(route.dir);
  const file = normalize(join(root, relative));
  if (relative.includes('\0') || !file.startsWith(root + sep)) {
    answer(response, 404, 'Not found');
    return true;
  }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) throw new Error('outside the folder');
    const info = await stat(realFile);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(realFile);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(body.length),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    answer(response, 404, 'Not found');
  }
  return true;
}

/**
 * Whether a `Host` header names this machine in a way DNS rebinding cannot fake: `localhost` or an
 * IP literal (a rebinding attack needs a domain name of its own). Pages are served only to such hosts.
 */
export function isLiteralHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::\d+)?$/.exec(host);
  if (!match) return false;
  const name = match[1]!.replace(/^\[|\]$/g, '');
  return name.toLowerCase() === 'localhost' || isIP(name) !== 0;
}

/**
 * Whether `origin` is the page's own origin on this server: `http://<Host>` with a literal host
 * (see {@link isLiteralHost}). The server allows it when it serves static routes, so its own
 * pages (the dashboard) can open the WebSocket; another site's origin is still refused.
 */
export function isSelfOrigin(origin: string, host: string | undefined): boolean {
  return isLiteralHost(host) && origin === `http://${host}`;
}
