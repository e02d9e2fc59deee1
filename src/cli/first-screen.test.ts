// The staff UI's first screen stays small (issue 23): what the login page and the home page after signing in
// load — the entry chunk, its static imports and CSS, and the two pages' lazy chunks with theirs — at most
// 400 KB gzipped, and without ECharts. Reads web/dist when it is fresh, else builds into a folder of its own.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../kernel/paths.ts';
import { buildWeb, webBuildIsFresh } from './web-build.ts';

const BUDGET_BYTES = 400_000;
/** The manifest keys of what the first screen loads: the staff page (entry), the login page and the home page. */
const FIRST_SCREEN = ['index.html', 'src/pages/LoginPage.tsx', 'src/pages/DashboardPage.tsx'];
const ECHARTS = 'src/charts/echarts.ts';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** The chunks `keys` load before they run: themselves and their static imports, transitively. */
function staticClosure(manifest: Record<string, Chunk>, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return seen;
}

interface FirstScreen {
  manifest: Record<string, Chunk>;
  chunks: Set<string>;
  files: Set<string>;
  gzipBytes: number;
  dist: string;
}

/** Reads what the first screen loads from a build; throws if the build is incomplete. */
function measure(dist: string): FirstScreen {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const chunks = staticClosure(manifest, FIRST_SCREEN);
  const files = new Set(['index.html']);
  for (const key of chunks) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    chunk.css?.forEach((f) => files.add(f));
  }
  let gzipBytes = 0;
  for (const file of files) gzipBytes += zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  return { manifest, chunks, files, gzipBytes, dist };
}

describe('first screen of the staff UI', () => {
  let own: string | null = null;
  let screen: FirstScreen;
  beforeAll(() => {
    // A fresh web/dist is read as it is; a stale one, or one a server is still writing, is left alone.
    if (webBuildIsFresh()) {
      try {
        screen = measure(fromRoot('web/dist'));
        return;
      } catch {
        // built below
      }
    }
    fs.mkdirSync(fromRoot('test-output'), { recursive: true });
    own = fs.mkdtempSync(fromRoot('test-output/web-budget-'));
    buildWeb({ outDir: own, precompress: false });
    screen = measure(own);
  });
  afterAll(() => {
    if (own) fs.rmSync(own, { recursive: true, force: true });
  });

  it('does not load ECharts', () => {
    expect(screen.chunks.has(ECHARTS)).toBe(false);
    // Nor do the login and home pages start loading it later (the entry's own lazy imports are the pages).
    for (const key of screen.chunks) {
      if (key !== 'index.html') expect(screen.manifest[key]?.dynamicImports ?? [], key).not.toContain(ECHARTS);
    }
  });

  it('does not load the English messages (they come with the language switch)', () => {
    // A phrase of the app's own dictionary and one of a page's English part (antd keeps its English default
    // locale in its core, whatever the app does).
    const english = ['Social Assistance Information System', 'Micro-wishes'];
    for (const file of screen.files) {
      if (!file.endsWith('.js')) continue;
      const text = fs.readFileSync(path.join(screen.dist, file), 'utf8');
      for (const phrase of english) expect(text.includes(phrase), `${file} holds "${phrase}"`).toBe(false);
    }
  });

  it(`loads at most ${BUDGET_BYTES / 1000} KB gzipped`, () => {
    console.log(`first screen of the staff UI: ${screen.files.size} files, ${(screen.gzipBytes / 1000).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1000} KB)`);
    expect(screen.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
