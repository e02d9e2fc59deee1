// On PostgreSQL: the CLI run (`jiuzhu payroll run --chunk-by township`) killed with SIGKILL at a random
// moment, then run again, ends with exactly the lines of an uninterrupted run; in between the payroll is
// absent or `running`, never a `draft` missing lines.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import { adminQuery, dropDatabase, withDatabase } from '../../test/fixture.ts';
import { loadDemoRecipients } from '../cases/index.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { discardPayroll } from './service/payrolls.ts';
import { runPayroll } from './service/run.ts';
import { invariants, lineSet, rows } from './testing.ts';

const URL_ = process.env.DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COUNTY = '522701';

describe.skipIf(!URL_)('payroll CLI killed with SIGKILL (postgres)', () => {
  let db: Database;
  let url = '';
  let name = '';
  beforeAll(async () => {
    name = `jiuzhu_t_kill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(URL_ ?? '', `create database ${name} template ${inject('pgTemplate')}`);
    url = withDatabase(URL_ ?? '', name);
    db = await openDatabase({ databaseUrl: url });
    await loadDemoHouseholds(db, systemScope('test'), { households: 1500, seed: 'kill' });
    await loadDemoRecipients(db, userScope({ id: 0, username: 't', role: 'county_approver', areaCode: COUNTY, department: null }), { dibaoPerMille: 500, hardship: true, seed: 'kill', decidedOn: '2015-03-10' });
  }, 180_000);
  afterAll(async () => {
    await db.close();
    await dropDatabase(URL_ ?? '', name);
  });

  /** Runs the CLI (the run's compiled one, src/test/global-setup.ts); with `killAfterMs`, SIGKILLs it that long after its first progress line. */
  function cli(period: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [inject('cliEntry'), 'payroll', 'run', '--period', period, '--county', COUNTY, '--chunk-by', 'township'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let armed = false;
      const onData = (b: Buffer) => {
        output += b.toString('utf8');
        if (killAfterMs !== undefined && !armed && output.includes(`payroll ${period}`)) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code, signal) => resolve({ code, signal, output }));
    });
  }

  it('ends with the lines and totals of an uninterrupted run, whatever the moment of the kill', async () => {
    const period = '2015-04';
    const reference = async () => {
      await runPayroll(db, systemScope('test'), { period, countyCode: COUNTY });
      const lines = await lineSet(db, COUNTY, period);
      await discardPayroll(db, systemScope('test'), `FF${COUNTY}201504`);
      return lines;
    };
    const expected = await reference();
    expect(expected.length).toBeGreaterThan(50);
    let killedMidway = 0;
    for (let i = 0; i < 4; i++) {
      const killed = await cli(period, Math.floor(Math.random() * 400));
      const [p] = await rows<{ status: string }>(db, `select status from payrolls where county_code = '${COUNTY}' and period = '${period}'`);
      if (killed.signal === 'SIGKILL') {
        // killed: nothing, or a running payroll; never a draft without all its townships
        if (p) expect(['running', 'draft']).toContain(p.status);
        if (p?.status === 'running') killedMidway++;
        if (p?.status === 'draft') expect(await lineSet(db, COUNTY, period)).toEqual(expected);
      }
      const rerun = await cli(period);
      expect(rerun.code, rerun.output).toBe(0);
      expect(await lineSet(db, COUNTY, period)).toEqual(expected);
      const inv = await invariants(db, COUNTY, period);
      expect(inv.totalsNet).toBe(inv.linesNet);
      expect(inv.totalLines).toBe(inv.lines);
      await discardPayroll(db, systemScope('test'), `FF${COUNTY}201504`);
    }
    console.log(`payroll kill test: ${killedMidway} of 4 kills left a running payroll that was resumed`);
  }, 300_000);
});
