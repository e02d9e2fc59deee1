#!/usr/bin/env node
// Runs the compiled CLI (dist/, bin/build.mjs), compiling it first when a source under src/ changed since the
// last build. JIUZHU_DEV=1 (`npm run dev`) runs the TypeScript through tsx instead, with no build.
if (process.env.JIUZHU_DEV === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const { pathToFileURL } = await import('node:url');
  const { ensureBuilt } = await import('./build.mjs');
  const entry = await ensureBuilt({ log: (m) => process.stderr.write(`${m}\n`) });
  await import(pathToFileURL(entry).href);
}
