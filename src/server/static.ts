import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { fromRoot } from '../kernel/paths.ts';

export const WEB_DIST = fromRoot('web/dist');

const PORTAL_INDEX = 'portal/index.html';

/** Whether a path is the citizen portal's (`/portal`, `/portal/…`), whose deep links get the portal's page. */
const isPortalPath = (url: string) => /^\/portal(\/|$|\?)/.test(url);

/**
 * Serves the built web UI with SPA fallbacks: the citizen portal's page under /portal, the staff UI's
 * everywhere else; unknown /api paths get the JSON 404.
 */
export async function registerStatic(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  const hasUi = fs.existsSync(path.join(root, 'index.html'));
  const hasPortal = fs.existsSync(path.join(root, PORTAL_INDEX));
  if (hasUi) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasUi || req.method !== 'GET') {
      throw new AppError('not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`, 404);
    }
    if (isPortalPath(req.url)) {
      if (!hasPortal) throw new AppError('not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`, 404);
      return reply.sendFile(PORTAL_INDEX);
    }
    return reply.sendFile('index.html');
  });
}
