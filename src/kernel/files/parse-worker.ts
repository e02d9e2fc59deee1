// The worker thread that parses an uploaded table (worker-parse.ts starts it): rows go back in batches,
// so that the request thread never holds up the server deserialising one huge message.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import type { FileLimits } from './limits.ts';
import { parseTable, type FileFormat, type TableRow } from './parse.ts';

export interface WorkerInput {
  body: Uint8Array;
  format: FileFormat;
  limits: FileLimits;
}

export type WorkerMessage =
  | { rows: TableRow[] }
  | { done: true }
  | { error: { code: string; message: string; status: number; details: Record<string, unknown> | undefined } };

const BATCH = 2_000;

const port = parentPort;
if (port) {
  const { body, format, limits } = workerData as WorkerInput;
  const post = (m: WorkerMessage) => port.postMessage(m);
  let batch: TableRow[] = [];
  try {
    await parseTable(Buffer.from(body.buffer, body.byteOffset, body.byteLength), format, limits, (row) => {
      batch.push(row);
      if (batch.length < BATCH) return;
      post({ rows: batch });
      batch = [];
    });
    if (batch.length > 0) post({ rows: batch });
    post({ done: true });
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError('internal', `解析文件时出错：${(e as Error).message}`, 500);
    post({ error: { code: err.code, message: err.message, status: err.status, details: err.details } });
  }
}
