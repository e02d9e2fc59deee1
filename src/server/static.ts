import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { fromRoot } from '../kernel/paths.ts';

export const WEB_DIST = fromRoot('web/dist');

const PORTAL_INDEX = 'portal/index.html';

/** Vite's content-hashed build files (both apps'): a name never gets other content, so browsers keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, the service worker and the manifest: revalidated on every use, so a new build shows at once. */
const REVALIDATE = 'no-cache';
const isHashedAsset = (relative: string) => relative.startsWith('assets/');
const isAssetPath = (url: string) => url.startsWith('/assets/');

/** The served file's path under the root, without the .br/.gz of a precompressed variant. */
function logicalPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/').replace(/\.(br|gz)$/, '');
}

/** Whether a path is the citizen portal's (`/portal`, `/portal/…`), whose deep links get the portal's page. */
const isPortalPath = (url: string) => /^\/portal(\/|$|\?)/.test(url);

/**
 * Serves the built web UI with SPA fallbacks: the citizen portal's page under /portal, the staff UI's
 * everywhere else; unknown /api paths, and unknown built files (an old page asking for a chunk of an earlier
 * build), get the JSON 404. Files go out precompressed (the build writes .br and .gz beside them,
 * web/build/precompress.ts) when the browser accepts it: brotli, else gzip, else as they are.
 */
export async function registerStatic(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  const hasUi = fs.existsSync(path.join(root, 'index.html'));
  const hasPortal = fs.existsSync(path.join(root, PORTAL_INDEX));
  if (hasUi) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', isHashedAsset(logicalPath(root, file)) ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || isAssetPath(req.url) || !hasUi || req.method !== 'GET') {
      throw new AppError('not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`, 404);
    }
    if (isPortalPath(req.url)) {
      if (!hasPortal) throw new AppError('not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`, 404);
      return reply.sendFile(PORTAL_INDEX);
    }
    return reply.sendFile('index.html');
  });
}
