import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './src/test/sequencer.ts';

// Groups, one after the other (README "How npm test runs"): the server files (unit + integration on PGlite, or on
// PostgreSQL when DATABASE_URL is set) in three processes with the mocking file beside them; the timed file alone;
// then the browser files (real Chromium), two at a time, each with its server and Chromium: once made journeys wait
// past their 30 s limits, since hardened with waits on state. No browser file starts before the last server file ends
// (measured), so within each project the slowest files start first (src/test/sequencer.ts): the run no longer waits
// at the end of a phase on one long file started late (seen on a fresh clone, where vitest orders by file size: the
// two fuzz files, 90 s each, started last and ran on after every other server file had ended; the walk over every
// page, the longest browser file, started ninth of 24).
// Cheap password hashing for the suite (hundreds of logins); the server warns when it is set. One
// test switches it off to measure the real cost (src/modules/auth/auth.test.ts).
process.env.JIUZHU_INSECURE_FAST_HASH ??= '1';

/** The server suite's files that mock a module (`vi.mock`). */
const MOCKING = ['src/modules/intake/intake.test.ts'];
/**
 * Files that measure response times: they run alone, after the other server files, since a busy neighbour on two
 * cores (measured: 551 ms beside five other files against 95–149 ms alone) is not what they measure.
 */
const TIMED = ['src/server/healthz-during-payroll.test.ts'];

/** The server files' processes: three on two cores (see the server project). */
const SERVER_WORKERS = 3;

/**
 * Server files in an isolated project of their own, in group `groupOrder`. With one worker in group 0, vitest would
 * put them in a group of their own after every other (the browser files too): the mocking file ran last, alone.
 */
function serverFilesApart(name: string, include: string[], groupOrder: number, maxWorkers: number) {
  return {
    test: {
      name,
      sequence: { groupOrder },
      include,
      globalSetup: ['src/test/global-setup.ts'],
      pool: 'forks' as const,
      maxWorkers,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    // Within each project the slowest measured files start first (src/test/durations.ts).
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        test: {
          name: 'server',
          // Unisolated projects whose worker counts differ need groups of their own (vitest 4): the server
          // files (with the mocking one beside them), then the browser files.
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...MOCKING, ...TIMED],
          globalSetup: ['src/test/global-setup.ts'],
          pool: 'forks',
          // The modules load once per worker, not once per file (about a third of the suite's time); files
          // share no state but the module registries, which every module fills once at import.
          isolate: false,
          // Three on two cores: the files wait on spawned CLIs, servers and timers often enough that a third
          // worker fills the gaps (measured: 243 s with two, 223 s with three).
          maxWorkers: SERVER_WORKERS,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Files that replace a module (vi.mock) need modules of their own: beside the server files, in their group.
      serverFilesApart('server-mocked', MOCKING, 0, SERVER_WORKERS),
      // Alone, between the server files and the browser files.
      serverFilesApart('server-timed', TIMED, 1, 1),
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          pool: 'forks',
          // Two processes, each running browser files one after the other with its own server and Chromium: a
          // browser file mostly waits (0.6 of a core in use with two; 404 s one at a time, 338 s two at a time).
          isolate: false,
          maxWorkers: 2,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
