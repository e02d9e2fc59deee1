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
import { programmeOf } from '../../../programmes/registry.ts';

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
  const transition = (programme: string) => JSON.stringify({ demo: true, programme });
  const effective = sql`to_char(${opts.decidedOn}::date + interval '1 month', 'YYYY-MM')`;
  // What the statistics count of a demo amount (no breakdown by member): the household's members, the
  // whole amount as the gap, members with a category, serious illness, schooling or grade 1–2 disability.
  const members = sql`(select count(*) from members m where m.county_code = ins.county_code and m.household_id = ins.household_id)`;
  const topups = sql`(select count(*) from members m where m.county_code = ins.county_code and m.household_id = ins.household_id
    and (cardinality(m.categories) > 0 or m.serious_illness or m.student or m.disability_grade <= 2))`;

  const s = sql`select * from jsonb_to_recordset(cast(${stdJson} as jsonb)) as x(county text, urban bigint, rural bigint, hardship bigint)`;

  /**
   * Inserts an approved case, its approve transition, decision and entitlement for every picked person;
   * returns the count. `persons` and `summary` are what the statistics count of the entitlement.
   */
  const approve = async (tx: Kysely<DB>, picked: RawBuilder<unknown>, code: string, fromState: string, persons: RawBuilder<unknown>, summary: RawBuilder<unknown>) => {
    const programme = programmeOf(code);
    const prefix = programme.serialPrefix;
    const r = await sql<{ n: string }>`
      with s as (${s}), picked as materialized (${picked}),
      block as materialized (
        select county_code, next_serials(${prefix}, county_code, ${year}, count(*)) as first_no from picked group by county_code
      ), ins as (
        insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, phase, context, applied_on, state_since, review_due)
        select p.county_code, ${prefix} || p.county_code || ${year} || lpad((b.first_no - 1 + row_number() over (partition by p.county_code order by p.member_id))::text, 6, '0'),
          ${code}, ${ruleSet}, p.household_id, p.village_code, p.member_id, p.name, p.id_number,
          'approved', 'payable', '{"stability":"stable"}'::jsonb, ${applied}, ${opts.decidedOn}::date, ${reviewDue(opts.decidedOn)}::date
        from picked p join block b on b.county_code = p.county_code
        returning county_code, id, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number
      ), tr as (
        insert into case_transitions (county_code, case_id, seq, action, from_state, to_state, to_phase, on_date, actor_name, actor_role, data)
        select county_code, id, 1, 'approve', ${fromState}, 'approved', 'payable', ${opts.decidedOn}::date, '演示数据', 'county_approver', cast(${transition(code)} as jsonb)
        from ins
        returning county_code, id, case_id
      ), dec as (
        insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, amount_fen, explanation, reason)
        select tr.county_code, tr.case_id, tr.id, 'approve', ${opts.decidedOn}::date, ${effective}, p.amount, cast(${explanation} as jsonb), '演示数据'
        from tr join ins on ins.county_code = tr.county_code and ins.id = tr.case_id
        join picked p on p.county_code = ins.county_code and p.member_id = ins.applicant_member_id
        returning county_code, id, case_id, amount_fen
      ), ent as (
        insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
          from_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
        select ins.county_code, ${code}, ins.id, dec.id, ins.household_id, ins.area_code, ${programme.recipient},
          ${programme.recipient === 'household' ? sql`ins.household_id` : sql`ins.applicant_member_id`}, 'monthly', ${effective}, dec.amount_fen,
          ${persons}, ${summary}, 'recipient', 'transfer', ins.applicant_name, ins.applicant_id_number
        from dec join ins on ins.county_code = dec.county_code and ins.id = dec.case_id
        returning 1
      )
      select count(*)::text as n from ent`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  };

  // 低保: households picked by hash; the head applies; between 30% and 90% of the standard per member, to the yuan.
  const dibaoPicked = sql`
    select h.county_code, h.id as household_id, h.village_code, hm.id as member_id, hm.name, hm.id_number,
      round((select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id)
        * (case when h.hukou = 'urban' then s.urban else s.rural end)
        * (30 + abs(hashtext(h.household_no || ${opts.seed})) % 1000 % 61) / 100.0 / 100) * 100 as amount
    from households h
    join members hm on hm.county_code = h.county_code and hm.household_id = h.id and hm.relation = 'head'
    join s on s.county = h.county_code
    where ${inScope(scope, 'h.village_code')}
      and abs(hashtext(h.household_no || ${opts.seed})) % 1000 < ${opts.dibaoPerMille}
      and not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id)`;
  // 特困: members marked three_nos in households without a case, at the dispersed support standard.
  const hardshipPicked = sql`
    select m.county_code, m.household_id, h.village_code, m.id as member_id, m.name, m.id_number, s.hardship as amount
    from members m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    join s on s.county = m.county_code
    where ${inScope(scope, 'h.village_code')} and 'three_nos' = any(m.categories)
      and not exists (select 1 from cases c where c.county_code = m.county_code and c.household_id = m.household_id)`;

  return bulkWrite(db, scope, async (tx) => {
    const dibaoCases = await approve(tx, dibaoPicked, 'dibao', 'county_notice', members, sql`jsonb_build_object('gap', dec.amount_fen, 'topup', ${topups})`);
    const hardshipCases = opts.hardship ? await approve(tx, hardshipPicked, 'hardship', 'county_review', sql`1`, sql`'{"institutional":0}'::jsonb`) : 0;
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
