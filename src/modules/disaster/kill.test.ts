// On PostgreSQL: the CLI decision of an approved batch (`jiuzhu disaster decide ZP… --chunk 40`) killed
// with SIGKILL at a random moment, then run again, decides every household of the batch exactly once:
// the cases, their source keys and the entitlements' sum match the batch, whatever the moment of the kill.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import { adminQuery, dropDatabase, withDatabase } from '../../test/fixture.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { createBatch } from './service/batches.ts';
import { approveBatch, drawSample } from './service/batch-steps.ts';
import { createEvent } from './service/events.ts';

const URL_ = process.env.DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COUNTY = '522701';

describe.skipIf(!URL_)('disaster batch decision killed with SIGKILL (postgres)', () => {
  let db: Database;
  let url = '';
  let name = '';
  const county = userScope({ id: 0, username: 'duyun.approver', role: 'county_approver', areaCode: COUNTY, department: null });

  beforeAll(async () => {
    name = `jiuzhu_t_dkill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(URL_ ?? '', `create database ${name} template ${inject('pgTemplate')}`);
    url = withDatabase(URL_ ?? '', name);
    db = await openDatabase({ databaseUrl: url });
    await loadDemoHouseholds(db, systemScope('test'), { households: 4000, seed: 'dkill' });
  }, 180_000);
  afterAll(async () => {
    await db.close();
    await dropDatabase(URL_ ?? '', name);
  });

  /** An approved emergency batch over every household of the county. */
  async function approvedBatch(): Promise<string> {
    const townships = (await sql<{ code: string }>`select code from areas where level = 'township' and code like ${`${COUNTY}%`}`.execute(db.kysely)).rows.map((r) => r.code);
    const e = await createEvent(db, county, { kind: 'flood', name: `洪涝 ${Math.random()}`, startedOn: '2015-07-15', areas: townships, note: '' });
    await sql`insert into disaster_damage_entries (county_code, event_id, household_id, area_code, persons_affected, house_grade, house_structure, status, recorded_on, recorded_by,
        first_verified_by, first_verified_on, second_verified_by, second_verified_on)
      select h.county_code, e.id, h.id, h.village_code, 1 + h.id % 4, 'general', 'brick_wood', 'verified', '2015-07-16', 'a', 'a', '2015-07-16', 'b', '2015-07-16'
      from households h, disaster_events e where e.event_no = ${e.eventNo} and h.county_code = ${COUNTY}`.execute(db.kysely);
    const b = await createBatch(db, county, { kind: 'emergency', eventNo: e.eventNo, date: '2015-07-16', areas: [] });
    await drawSample(db, county, b.batchNo, { seed: 'k', date: '2015-07-16' });
    await sql`update disaster_batch_members set check_result = 'confirmed', checked_by = 'c', checked_on = '2015-07-16' where sampled`.execute(db.kysely);
    await approveBatch(db, county, b.batchNo, { date: '2015-07-17' });
    return b.batchNo;
  }

  /** Runs the CLI (the run's compiled one, src/test/global-setup.ts); with `killAfterMs`, SIGKILLs it that long after its first progress line. */
  function cli(batchNo: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [inject('cliEntry'), 'disaster', 'decide', batchNo, '--chunk', '40', '--date', '2015-07-18'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let armed = false;
      const onData = (b: Buffer) => {
        output += b.toString('utf8');
        if (killAfterMs !== undefined && !armed && output.includes(`batch ${batchNo}`)) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code, signal) => resolve({ code, signal, output }));
    });
  }

  it('decides every household once, whatever the moment of the kill', async () => {
    let midway = 0;
    for (let i = 0; i < 3; i++) {
      const batchNo = await approvedBatch();
      const killed = await cli(batchNo, Math.floor(Math.random() * 150));
      const [state] = (await sql<{ status: string; decided_through: number; households: number; amount_fen: string; id: string }>`
        select status, decided_through, households, amount_fen::text, id::text from disaster_batches where batch_no = ${batchNo}`.execute(db.kysely)).rows;
      if (killed.signal === 'SIGKILL' && state!.status === 'approved' && state!.decided_through > 0) midway++;
      const rerun = await cli(batchNo);
      expect(rerun.code, rerun.output).toBe(0);
      const [after] = (await sql<{ status: string; decided_through: number }>`select status, decided_through from disaster_batches where batch_no = ${batchNo}`.execute(db.kysely)).rows;
      expect(after!.status).toBe('decided');
      const [c] = (await sql<{ cases: string; keys: string; households: string; amount: string }>`
        select count(*)::text as cases, count(distinct c.source_key)::text as keys, count(distinct c.household_id)::text as households, coalesce(sum(en.amount_fen), 0)::text as amount
        from cases c join entitlements en on en.county_code = c.county_code and en.case_id = c.id
        where c.programme = 'disaster' and c.context -> 'relief' ->> 'batchNo' = ${batchNo}`.execute(db.kysely)).rows;
      expect(Number(c!.cases)).toBe(state!.households);
      expect(Number(c!.keys)).toBe(state!.households);
      expect(Number(c!.households)).toBe(state!.households);
      expect(c!.amount).toBe(state!.amount_fen);
    }
    console.log(`disaster kill test: ${midway} of 3 kills stopped a batch midway, resumed by the rerun`);
  }, 300_000);
});
