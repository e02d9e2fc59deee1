// The built UI's SPA fallbacks: the citizen portal's page for /portal deep links, the staff UI's elsewhere,
// JSON for unknown API paths (a built dist of two tiny pages stands in for web/dist).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStatic } from './static.ts';

describe('static UI and its fallbacks', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-dist-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'portal'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<title>staff</title>');
    fs.writeFileSync(path.join(root, 'portal', 'index.html'), '<title>portal</title>');
    fs.writeFileSync(path.join(root, 'assets', 'portal-x.js'), 'export {}');
    app = Fastify({ logger: false });
    await registerStatic(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

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

  it('keeps unknown API paths and non-GET requests JSON 404s', async () => {
    for (const res of [await get('/api/portal/v1/nothing'), await get('/api/v1/nothing'), await app.inject({ method: 'POST', url: '/portal/login' })]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });
});
