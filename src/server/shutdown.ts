// Stopping the server on SIGTERM or SIGINT: it stops accepting connections, lets the requests in flight
// finish (an import commits whole, in one transaction), closes the database and exits 0. A request still
// running after the grace period is cut off — its transaction never commits — and the exit code is 1.
// A second signal ends the process at once (the default action).
import type { FastifyInstance } from 'fastify';

/** How long requests in flight may take to finish once a stop signal arrives. */
export const SHUTDOWN_GRACE_MS = 25_000;

export function closeOnSignals(close: () => Promise<void>, log: (message: string) => void, graceMs = SHUTDOWN_GRACE_MS): void {
  const stop = async (signal: string) => {
    log(`${signal}: stopping — finishing requests in flight (up to ${graceMs / 1000} s), then closing the database`);
    setTimeout(() => {
      log(`requests still running after ${graceMs / 1000} s: exiting without them`);
      process.exit(1);
    }, graceMs).unref();
    try {
      await close();
      process.exit(0);
    } catch (e) {
      log(`error while stopping: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/**
 * fastify's close() waits for the requests in flight, but their keep-alive connections only become idle
 * once those end, after close() shut the idle ones: closed here as they fall idle, or they would hold the
 * server open until their keep-alive timeout.
 */
export async function closeApp(app: Pick<FastifyInstance, 'close' | 'server'>): Promise<void> {
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
  }
}
