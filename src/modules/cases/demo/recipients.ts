// Demo and benchmark recipients: approved 低保 households and 特困 persons written set-based, without
// walking every case through the workflow (3,000,000 households in one statement per programme).
// Each case gets one `approve` transition and one `approve` decision with a frozen monthly amount;
// the explanation says the amount is a demo estimate (a share of the area's standard per member), not
// a computed benefit. Real cases go through the engine (service/engine.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { decideInBulk } from '../service/bulk-decide.ts';

export interface DemoRecipientOptions {
  /** Share of households (per mille) made dibao recipients, chosen by a hash of household_no and seed. */
  dibaoPerMille: number;
  /** Members with the three_nos category (who have no dibao case yet) become 特困 recipients. */
  hardship: boolean;
  seed: string;
  /** The approval date; payment starts the month after. */
  decidedOn: string;
}

export interface DemoRecipientResult {
  dibaoCases: number;
  hardshipCases: number;
}

/** Monthly standards per county in fen (urban, rural), and the 特困 dispersed support per person. */
async function standards(db: Database, counties: readonly string[], date: string) {
  const params = await databaseParameterSet(db);
  const ruleSet = ruleSetFor(date, params);
  const num = (name: string, area: string) => Number(params.get(name, area, date, ruleSet).value);
  return counties.map((c) => ({
    county: c,
    urban: num('dibao.standard.urban', c),
    rural: Math.round(num('dibao.standard.rural', c) / 12),
    hardship: Math.round(num('hardship.support.home_based', c) / 12),
    ruleSet,
  }));
}

const reviewDue = (decidedOn: string) => `${Number(decidedOn.slice(0, 4)) + 1}${decidedOn.slice(4, 8)}01`;

export async function loadDemoRecipients(db: Database, scope: Scope, opts: DemoRecipientOptions): Promise<DemoRecipientResult> {
  const counties = (await db.kysely.selectFrom('areas').select('code').where('level', '=', 'county').where(inScope(scope, 'code')).execute()).map((r) => r.code);
  if (counties.length === 0) return { dibaoCases: 0, hardshipCases: 0 };
  const std = await standards(db, counties, opts.decidedOn);
  const ruleSet = std[0]!.ruleSet;
  const year = opts.decidedOn.slice(0, 4);
  const stdJson = JSON.stringify(std.map(({ county, urban, rural, hardship }) => ({ county, urban, rural, hardship })));
  const applied = sql`(${opts.decidedOn}::date - 30)`;
  const explanation = JSON.stringify({ demo: true, note: '演示数据：金额按当地标准估算，非逐项核算' });
  const effective = (await sql<{ m: string }>`select to_char(${opts.decidedOn}::date + interval '1 month', 'YYYY-MM') as m`.execute(db.kysely)).rows[0]!.m;
  // What the statistics count of a demo amount (no breakdown by member): the household's members, the
  // whole amount as the gap, members with a category, serious illness, schooling or grade 1–2 disability.
  const members = sql`(select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id)`;
  const topups = sql`(select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id
    and (cardinality(m.categories) > 0 or m.serious_illness or m.student or m.disability_grade <= 2))`;

  const s = sql`select * from jsonb_to_recordset(cast(${stdJson} as jsonb)) as x(county text, urban bigint, rural bigint, hardship bigint)`;
  const common = sql`'{"stability":"stable"}'::jsonb as context, cast(${explanation} as jsonb) as explanation, null::text as source_key`;

  /** An approved case, its approve transition, decision and monthly entitlement for every picked row; returns the count. */
  const approve = (tx: Kysely<DB>, picked: RawBuilder<unknown>, code: string, fromState: string) => decideInBulk(tx, {
    programme: code, picked, applicant: 'picked', ruleSet, decidedOn: opts.decidedOn, appliedOn: applied,
    action: 'approve', fromState, state: 'approved', phase: 'payable', actor: { id: null, name: '演示数据', role: 'county_approver' },
    transitionData: { demo: true, programme: code }, reason: '演示数据', fromMonth: effective, schedule: 'monthly', reviewDue: reviewDue(opts.decidedOn),
  });

  // 低保: households picked by hash; the head applies; between 30% and 90% of the standard per member, to the yuan.
  const dibaoPicked = sql`
    with s as (${s}), q as (
      select h.county_code, h.id as household_id, h.village_code as area_code, hm.id as member_id, hm.name, hm.id_number, hm.id as ord,
        ${members} as persons, ${topups} as topups,
        round(${members} * (case when h.hukou = 'urban' then s.urban else s.rural end)
          * (30 + abs(hashtext(h.household_no || ${opts.seed})) % 1000 % 61) / 100.0 / 100) * 100 as amount_fen
      from households h
      join members hm on hm.county_code = h.county_code and hm.household_id = h.id and hm.relation = 'head'
      join s on s.county = h.county_code
      where ${inScope(scope, 'h.village_code')}
        and abs(hashtext(h.household_no || ${opts.seed})) % 1000 < ${opts.dibaoPerMille}
        and not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id)
    )
    select q.*, jsonb_build_object('gap', q.amount_fen, 'topup', q.topups) as summary, ${common} from q`;
  // 特困: members marked three_nos in households without a case, at the dispersed support standard.
  const hardshipPicked = sql`
    with s as (${s})
    select m.county_code, m.household_id, h.village_code as area_code, m.id as member_id, m.name, m.id_number, m.id as ord,
      s.hardship as amount_fen, 1 as persons, '{"institutional":0}'::jsonb as summary, ${common}
    from members m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    join s on s.county = m.county_code
    where ${inScope(scope, 'h.village_code')} and 'three_nos' = any(m.categories)
      and not exists (select 1 from cases c where c.county_code = m.county_code and c.household_id = m.household_id)`;

  return bulkWrite(db, scope, async (tx) => {
    const dibaoCases = await approve(tx, dibaoPicked, 'dibao', 'county_notice');
    const hardshipCases = opts.hardship ? await approve(tx, hardshipPicked, 'hardship', 'county_review') : 0;
    const result = { dibaoCases, hardshipCases };
    await appendAudit(tx, scope, { action: 'cases.demo_recipients', entity: 'cases', entityId: opts.seed, areaCode: scope.areaCode || null, after: { ...opts, ...result } });
    return result;
  });
}

/** `npm start` in demo mode: recipients for the demo households, once (approved in March 2015). */
export const DEFAULT_DEMO_RECIPIENTS: DemoRecipientOptions = { dibaoPerMille: 150, hardship: true, seed: 'demo', decidedOn: '2015-03-10' };

export async function ensureDemoRecipients(db: Database, scope: Scope, log: (msg: string) => void): Promise<void> {
  const done = await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'cases.demo_recipients').limit(1).executeTakeFirst();
  if (done) return;
  const r = await loadDemoRecipients(db, scope, DEFAULT_DEMO_RECIPIENTS);
  log(`demo recipients approved: ${r.dibaoCases} dibao households, ${r.hardshipCases} hardship persons`);
}
