import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlFile, publishControl, readControl } from './control.ts';

describe("the running server's note beside its PGlite folder", () => {
  it('is readable by its owner only, found while the server lives, ignored once its process is gone', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-control-')), 'data');
    expect(readControl(dataDir)).toBeNull();
    const remove = publishControl(dataDir, 'http://127.0.0.1:5000', 'token');
    expect(fs.statSync(controlFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(readControl(dataDir)).toEqual({ pid: process.pid, url: 'http://127.0.0.1:5000', token: 'token' });
    // A note left by a server that died (no such process) does not send the backup to a dead address.
    fs.writeFileSync(controlFile(dataDir), JSON.stringify({ pid: 2 ** 22 + 12345, url: 'http://127.0.0.1:5000', token: 'token' }));
    expect(readControl(dataDir)).toBeNull();
    remove();
    expect(fs.existsSync(controlFile(dataDir))).toBe(false);
  });
});
