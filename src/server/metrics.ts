import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { Config } from '../kernel/config.ts';

/** Prometheus metrics: one registry per app so tests can build several apps in one process. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'jiuzhu_' });
  const requests = new client.Histogram({
    name: 'jiuzhu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, requests };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/**
 * Who may read /metrics: a caller with `Authorization: Bearer <JIUZHU_METRICS_TOKEN>` (compared in
 * constant time), or one on the loopback. Without trustProxy a request carrying forwarding headers
 * came through a proxy on this machine and is not taken for a loopback caller.
 */
export function mayReadMetrics(req: FastifyRequest, config: Pick<Config, 'metricsToken' | 'trustProxy'>): boolean {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    return config.metricsToken !== null && crypto.timingSafeEqual(digest(given), digest(config.metricsToken));
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  return LOOPBACK.test(req.ip) && (config.trustProxy !== false || !forwarded);
}
