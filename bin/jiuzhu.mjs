#!/usr/bin/env node
// Runs the compiled CLI (dist/, bin/build.mjs), compiling it first when a source under src/ changed since the
// last build. JIUZHU_DEV=1 (`npm run dev`) runs the TypeScript through tsx instead, with no build.
// JIUZHU_BUILD_DIR names another build folder than dist/ (inside the repository: the build finds node_modules).
if (process.env.JIUZHU_DEV === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const { pathToFileURL } = await import('node:url');
  const { resolve } = await import('node:path');
  const { ensureBuilt } = await import('./build.mjs');
  const outRoot = process.env.JIUZHU_BUILD_DIR ? resolve(process.env.JIUZHU_BUILD_DIR) : undefined;
  const entry = await ensureBuilt({ outRoot, log: (m) => process.stderr.write(`${m}\n`) });
  await import(pathToFileURL(entry).href);
}
