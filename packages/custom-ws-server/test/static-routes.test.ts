import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, connect, opened, startServer, TOKEN } from './helpers.js';

let dir: string;
let outside: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'vmsc-static-'));
  dir = join(root, 'page');
  outside = join(root, 'secret.txt');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(outside, 'secret');
  symlinkSync(outside, join(dir, 'link.txt'));
});
afterEach(cleanup);
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

/** A plain HTTP GET with the given headers: status, headers and body. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function upgradeStatus(url: string, origin: string): Promise<number> {
  const client = connect(url, { ws: { origin } });
  return new Promise((resolve) => {
    client.socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    client.socket.on('open', () => resolve(101));
  });
}

describe('static routes (the dashboard on the server port)', () => {
  it('serves files under the prefix with types and security headers; nothing outside the folder', async () => {
    const { server } = await startServer({ staticRoutes: [{ path: '/page/', dir }] });
    const index = await get(server.port, '/page/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>page</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    const script = await get(server.port, '/page/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(server.port, '/page')).headers.location).toBe('/page/');
    expect((await get(server.port, '/page/assets/app.js', {}, 'HEAD')).body).toBe('');
    expect((await get(server.port, '/page/index.html', {}, 'POST')).status).toBe(405);
    expect((await get(server.port, '/page/missing.js')).status).toBe(404);
    expect((await get(server.port, '/page/assets')).status).toBe(404);
    expect((await get(server.port, '/page/..%2fsecret.txt')).status).toBe(404);
    // URL normalization turns it into /secret.txt: no route, the WebSocket endpoint's 426.
    const dots = await get(server.port, '/page/%2e%2e/secret.txt');
    expect([dots.status, dots.body.includes('secret')]).toEqual([426, false]);
    const link = await get(server.port, '/page/link.txt');
    expect(link.status).toBe(404);
    expect(link.body).not.toContain('secret');
    // Other paths are still the WebSocket endpoint.
    expect((await get(server.port, '/')).status).toBe(426);
  });

  it('keeps the Origin rules: another site gets 403, a domain-name Host gets 421, the page itself may connect', async () => {
    const { server } = await startServer({ staticRoutes: [{ path: '/page/', dir }] });
    const port = server.port;
    expect((await get(port, '/page/', { origin: 'https://evil.example' })).status).toBe(403);
    // DNS rebinding: evil.example resolving to 127.0.0.1 names itself in Host.
    expect((await get(port, '/page/', { host: `evil.example:${port}` })).status).toBe(421);
    expect((await get(port, '/page/', { host: `localhost:${port}` })).status).toBe(200);
    const url = `${server.url}/?token=${TOKEN}`;
    expect(await upgradeStatus(url, `http://127.0.0.1:${port}`)).toBe(101);
    expect(await upgradeStatus(url, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(url, `http://evil.example:${port}`)).toBe(403);
  });

  it('without static routes the server is unchanged: its own origin is refused, every GET answers 426', async () => {
    const { server } = await startServer();
    expect((await get(server.port, '/page/')).status).toBe(426);
    expect(await upgradeStatus(`${server.url}/?token=${TOKEN}`, `http://127.0.0.1:${server.port}`)).toBe(403);
    const native = connect(`${server.url}/?token=${TOKEN}`);
    await opened(native);
  });

  it('refuses a bad route path', async () => {
    await expect(startServer({ staticRoutes: [{ path: 'page', dir }] })).rejects.toThrow(/must look like/);
  });
});
