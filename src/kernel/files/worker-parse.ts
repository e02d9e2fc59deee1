// Runs parse.ts in a worker thread, so that a large or hostile file never stalls the server: its heap is
// capped (limits.workerHeapMb), it is stopped after limits.parseMs, and rows come back in batches.
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { tooComplex, type FileLimits } from './limits.ts';
import type { FileFormat, TableRow } from './parse.ts';
import type { WorkerInput, WorkerMessage } from './parse-worker.ts';

const ENTRY = new URL('./parse-worker.mjs', import.meta.url);

export function parseInWorker(body: Buffer, format: FileFormat, limits: Readonly<FileLimits>, onRow: (row: TableRow) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workerData: WorkerInput = { body, format, limits: { ...limits } };
    const worker = new Worker(ENTRY, { workerData, resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb } });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(tooComplex(`解析超过 ${limits.parseMs / 1000} 秒`)), limits.parseMs);
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if ('rows' in m) for (const row of m.rows) onRow(row);
      else if ('done' in m) finish();
      else finish(new AppError(m.error.code, m.error.message, m.error.status, m.error.details));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(`解析所需内存超过 ${limits.workerHeapMb} MB`) : e);
    });
    worker.on('exit', (code) => finish(new Error(`parse worker exited (${code}) before it finished`)));
  });
}
