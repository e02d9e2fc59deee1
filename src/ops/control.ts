// How `jiuzhu backup` reaches a server that holds a PGlite data folder (one process may open it at a time): the
// server leaves a note beside the folder (`<folder>.server.json`, readable by its owner only) with its address and a
// random token, and removes it when it stops. The token and a loopback address are both required (src/ops/routes.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const noteSchema = z.object({ pid: z.number().int(), url: z.string(), token: z.string() });
export type ControlNote = z.infer<typeof noteSchema>;

export function controlFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.server.json`;
}

export function newOpsToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** Leaves the note for a server listening at `url`; returns its removal. */
export function publishControl(dataDir: string, url: string, token: string): () => void {
  const file = controlFile(dataDir);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url, token } satisfies ControlNote), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The note of the server running on the folder, or null (none, or left by a server that died). */
export function readControl(dataDir: string): ControlNote | null {
  const file = controlFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = noteSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success || !alive(parsed.data.pid)) return null;
  return parsed.data;
}
