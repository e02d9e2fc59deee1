// Writes `.br` (brotli, quality 11) and `.gz` (gzip, level 9) beside every compressible built file over 1 KB,
// once the build is written: the server sends them to browsers that accept them (src/server/static.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest)$/;
const MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : Promise.resolve([p]);
  }));
  return nested.flat();
}

/** Compresses the files of `dir` (recursively), both encodings of each at once. */
export async function precompressDir(dir: string): Promise<number> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f) && !f.includes(`${path.sep}.vite${path.sep}`));
  let written = 0;
  await Promise.all(files.map(async (file) => {
    const content = await fs.readFile(file);
    if (content.length <= MIN_BYTES) return;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzip(content, { level: 9 }),
    ]);
    await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
    written += 1;
  }));
  return written;
}

/**
 * The Vite plugin: precompresses the output directory after the build (public files included).
 * JIUZHU_PRECOMPRESS=0 skips it (a build only measured, never served: src/cli/web-build.ts `buildWeb`).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'jiuzhu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (process.env['JIUZHU_PRECOMPRESS'] === '0') return;
      await precompressDir(outDir);
    },
  };
}
