// Delivering the outbox: each due callback is POSTed (JSON, signed envelope) to its URL; 2xx counts as
// delivered, anything else is retried with exponential backoff (10 s doubling to 1 h) up to MAX_ATTEMPTS. The
// connection's DNS lookup refuses private addresses outside test mode (callback-url.ts), at every attempt.
import http from 'node:http';
import https from 'node:https';
import type { Database } from '../../../db/engine.ts';
import { clock } from '../../../kernel/clock.ts';
import * as repo from '../repo/outbox.ts';
import { guardedLookup } from './callback-url.ts';

export const MAX_ATTEMPTS = 12;
export const TIMEOUT_MS = 10_000;

export type Post = (url: string, body: string, testMode: boolean) => Promise<number>;

export function backoffSeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 3600);
}

/** POSTs JSON; resolves to the HTTP status (rejects on a network fault or refused address). */
export const httpPost: Post = (url, body, testMode) =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    if (u.protocol !== 'https:' && !(testMode && u.protocol === 'http:')) return reject(new Error(`refused scheme ${u.protocol}`));
    const request = (u.protocol === 'https:' ? https : http).request(u, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      lookup: guardedLookup(testMode),
      timeout: TIMEOUT_MS,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });

/** One pass: claims due rows and tries each once. Returns how many were delivered. */
export async function deliverDue(db: Database, opts: { testMode: boolean; post?: Post; limit?: number }): Promise<number> {
  const post = opts.post ?? httpPost;
  const rows = await repo.claimDue(db.kysely, clock().now(), opts.limit ?? 20);
  let delivered = 0;
  for (const row of rows) {
    let error: string | null = null;
    try {
      const status = await post(row.url, JSON.stringify(row.body), opts.testMode);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const now = clock().now();
    if (error === null) {
      await repo.markDelivered(db.kysely, row.id, now);
      delivered++;
    } else {
      const attempts = row.attempts + 1;
      await repo.markFailed(db.kysely, row.id, error, attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffSeconds(attempts) * 1000), now);
    }
  }
  return delivered;
}

/** Runs `deliverDue` every `everyMs` (passes never overlap); returns the stop function. */
export function startOutbox(db: Database, opts: { testMode: boolean; everyMs?: number; log?: (m: string) => void; before?: () => Promise<void> }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    (async () => {
      await opts.before?.();
      await deliverDue(db, { testMode: opts.testMode });
    })()
      .catch((e: unknown) => opts.log?.(`dci outbox: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = false;
      });
  }, opts.everyMs ?? 2000);
  timer.unref();
  return () => clearInterval(timer);
}
