// The built UI's SPA fallbacks (the citizen portal's page for /portal deep links, the staff UI's elsewhere,
// JSON for unknown API paths) and how files go out: precompressed by Accept-Encoding, hashed build files
// cached for good, pages revalidated. A small dist, compressed by the build's own step, stands in for web/dist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../web/build/precompress.ts';
import { registerStatic } from './static.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Over the 1 KB below which the build writes no compressed copies. */
const big = (name: string) => `/* ${name} */\n${Array.from({ length: 200 }, (_, i) => `export const v${i} = ${i};`).join('\n')}\n`;
const STAFF_JS = big('staff');
const PORTAL_JS = big('portal');
const STAFF_CSS = `body{margin:0}\n${'.x{color:red}\n'.repeat(200)}`;
const STAFF_HTML = `<title>staff</title>${'<!-- padding -->'.repeat(100)}`;

describe('static UI and its fallbacks', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-dist-'));
  let app: FastifyInstance;
  let written = 0;
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'portal'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), STAFF_HTML);
    fs.writeFileSync(path.join(root, 'portal', 'index.html'), '<title>portal</title>');
    fs.writeFileSync(path.join(root, 'assets', 'portal-x.js'), 'export {}');
    fs.writeFileSync(path.join(root, 'assets', 'main-AbC123.js'), STAFF_JS);
    fs.writeFileSync(path.join(root, 'assets', 'portal-DeF456.js'), PORTAL_JS);
    fs.writeFileSync(path.join(root, 'assets', 'main-AbC123.css'), STAFF_CSS);
    fs.writeFileSync(path.join(root, 'sw.js'), big('sw'));
    fs.writeFileSync(path.join(root, 'manifest.webmanifest'), '{"name":"救助"}');
    written = await precompressDir(root);
    app = Fastify({ logger: false });
    await registerStatic(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('answers /portal and its deep links with the portal page, other paths with the staff page', async () => {
    for (const url of ['/portal', '/portal/', '/portal/login', '/portal/cases/DB5227012026000001', '/portal?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('portal');
    }
    for (const url of ['/', '/cases/inbox', '/portals', '/login']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('staff');
    }
    expect((await get('/assets/portal-x.js')).body).toBe('export {}');
  });

  it('keeps unknown API paths, unknown built files and non-GET requests JSON 404s', async () => {
    const answers = [await get('/api/portal/v1/nothing'), await get('/api/v1/nothing'), await get('/assets/main-OLD999.js'), await app.inject({ method: 'POST', url: '/portal/login' })];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });

  it('writes .br and .gz beside the built files over 1 KB only', () => {
    expect(written).toBe(5); // index.html, two scripts, the stylesheet, sw.js
    expect(fs.existsSync(path.join(root, 'assets', 'main-AbC123.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'assets', 'portal-x.js.gz'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'manifest.webmanifest.br'))).toBe(false);
  });

  const decode = (encoding: string | undefined, raw: Buffer) =>
    encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;

  it('sends brotli, else gzip, else the file itself, with the type of the file and Vary', async () => {
    const cases = [
      { url: '/assets/main-AbC123.js', body: STAFF_JS, type: /javascript/ },
      { url: '/assets/portal-DeF456.js', body: PORTAL_JS, type: /javascript/ },
      { url: '/assets/main-AbC123.css', body: STAFF_CSS, type: /text\/css/ },
    ];
    const encodings = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br' },
      { accept: 'br', encoding: 'br' },
      { accept: 'gzip, deflate', encoding: 'gzip' },
      { accept: 'identity', encoding: undefined },
      { accept: '', encoding: undefined },
    ];
    for (const c of cases) {
      for (const e of encodings) {
        const res = await get(c.url, e.accept ? { 'accept-encoding': e.accept } : {});
        const what = `${c.url} ${e.accept}`;
        expect(res.statusCode, what).toBe(200);
        expect(res.headers['content-encoding'], what).toBe(e.encoding);
        expect(res.headers['content-type'], what).toMatch(c.type);
        expect(String(res.headers['vary']), what).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control'], what).toBe(IMMUTABLE);
        expect(decode(e.encoding, res.rawPayload).toString('utf8'), what).toBe(c.body);
      }
    }
  });

  it('has pages, the service worker and the manifest revalidated, compressed too', async () => {
    for (const url of ['/', '/index.html', '/cases/inbox', '/portal/login', '/sw.js', '/manifest.webmanifest']) {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await get('/cases/inbox', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(decode('br', page.rawPayload).toString('utf8')).toBe(STAFF_HTML);
    expect((await get('/manifest.webmanifest')).headers['content-type']).toMatch(/manifest\+json|json/);
  });

  it('refuses paths out of the built folder, compressed or not', async () => {
    // A file beside the built folder, and one with compressed copies: neither may come out.
    const secret = `${root}-secret.js`;
    fs.writeFileSync(secret, big('secret'));
    fs.writeFileSync(`${secret}.br`, zlib.brotliCompressSync(big('secret')));
    const name = path.basename(secret);
    try {
      for (const url of [`/../${name}`, `/assets/../../${name}`, `/assets/%2e%2e/%2e%2e/${name}`, `/..%2f${name}`, `/assets/..%2f..%2f${name}`, '/../../../../etc/passwd']) {
        for (const accept of ['br, gzip', '']) {
          const res = await get(url, accept ? { 'accept-encoding': accept } : {});
          const body = decode(res.headers['content-encoding'] as string | undefined, res.rawPayload).toString('utf8');
          const what = `${url} ${accept}`;
          expect(body, what).not.toContain('/* secret */');
          expect(body, what).not.toMatch(/root:/);
          expect([200, 400, 403, 404], what).toContain(res.statusCode);
          if (res.statusCode === 200) expect(body, what).toContain('staff'); // the SPA page, never a file outside
        }
      }
    } finally {
      fs.rmSync(secret, { force: true });
      fs.rmSync(`${secret}.br`, { force: true });
    }
  });
});
