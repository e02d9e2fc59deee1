#!/usr/bin/env node
// `npm test`: the type check and the test suite at once, failing if either fails. The suite's first ~20 s build
// its fixture on one core (src/test/global-setup.ts) while the other waits: the two compilers fill it.
// Arguments go to vitest (`npm test -- src/modules/cases`). JIUZHU_TEST_TYPECHECK=0 leaves the type check out: CI's
// second engine runs the same code its first run checked (.ci/run).
import { spawn } from 'node:child_process';

const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(`${command}: ${e.message}`);
      resolve(1);
    });
  });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const typecheckWanted = process.env.JIUZHU_TEST_TYPECHECK !== '0';
const [typecheck, suite] = await Promise.all([
  typecheckWanted
    ? run(npx, ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit']).then(async (server) => Math.max(server, await run(npx, ['--no-install', 'tsc', '-p', 'web/tsconfig.json', '--noEmit'])))
    : 0,
  run(npx, ['--no-install', 'vitest', 'run', ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error('npm test: the type check failed (npm run typecheck)');
process.exit(typecheck !== 0 ? typecheck : suite);
