// The episode ledger (medical_episodes): a claim's reserved episode, the year's totals toward a
// person's caps, the episode another source already holds.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { EpisodeKind } from '../tables.ts';

export interface EpisodeKey {
  idNumber: string;
  hospital: string;
  admittedOn: string;
  kind: EpisodeKind;
}

/** The non-void episode with this key, other than the case's own. */
export async function sameEpisode(db: Kysely<DB>, key: EpisodeKey, exceptCase?: { countyCode: string; id: number }) {
  let q = db.selectFrom('medical_episodes as e').leftJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'e.county_code').onRef('c.id', '=', 'e.case_id'))
    .select(['e.source', 'e.settlement_no', 'e.settled_on', 'c.case_no'])
    .where('e.id_number', '=', key.idNumber).where('e.hospital', '=', key.hospital).where('e.admitted_on', '=', key.admittedOn).where('e.kind', '=', key.kind)
    .where('e.status', '<>', 'void');
  if (exceptCase) q = q.where((w) => w.or([w('e.case_id', 'is', null), w('e.case_id', '<>', exceptCase.id), w('e.county_code', '<>', exceptCase.countyCode)]));
  return q.executeTakeFirst();
}

/** Chinese: why an episode may not be assisted again. */
export function heldMessage(held: { source: string; settlement_no: string | null; settled_on: string | null; case_no: string | null }): string {
  return held.source === 'settlement'
    ? `该次就医已于 ${held.settled_on ?? ''} 在医疗机构一站式结算并获医疗救助（结算单号 ${held.settlement_no ?? ''}），不能重复救助`
    : `该次就医已申请医疗救助（案件 ${held.case_no ?? ''}），不能重复申请`;
}

/** Serialises decisions on one person's year (their caps), inside the deciding transaction. */
export async function lockPerson(tx: Kysely<DB>, idNumber: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`medical:${idNumber}`}))`.execute(tx);
}

export interface YearTotals {
  /** Ordinary assistance paid per kind, and 重特大 separately. */
  outpatient: number;
  inpatient: number;
  critical: number;
  tilt: number;
  deductibleOutpatient: number;
  deductibleInpatient: number;
}

/** What was paid to a person in a year (settled and approved episodes), the case's own left out. */
export async function yearTotals(db: Kysely<DB>, idNumber: string, year: number, exceptCase?: { countyCode: string; id: number }): Promise<YearTotals> {
  const except = exceptCase ? sql`and not (e.case_id is not null and e.county_code = ${exceptCase.countyCode} and e.case_id = ${exceptCase.id})` : sql``;
  const { rows } = await sql<Record<keyof YearTotals, string>>`
    select
      coalesce(sum(e.assistance_fen) filter (where not e.critical and e.kind = 'outpatient'), 0) as outpatient,
      coalesce(sum(e.assistance_fen) filter (where not e.critical and e.kind = 'inpatient'), 0) as inpatient,
      coalesce(sum(e.assistance_fen) filter (where e.critical), 0) as critical,
      coalesce(sum(e.tilt_fen), 0) as tilt,
      coalesce(sum(e.deductible_used_fen) filter (where e.kind = 'outpatient'), 0) as "deductibleOutpatient",
      coalesce(sum(e.deductible_used_fen) filter (where e.kind = 'inpatient'), 0) as "deductibleInpatient"
    from medical_episodes e
    where e.id_number = ${idNumber} and e.year = ${year} and e.status = 'paid' ${except}`.execute(db);
  const r = rows[0];
  return {
    outpatient: Number(r?.outpatient ?? 0), inpatient: Number(r?.inpatient ?? 0), critical: Number(r?.critical ?? 0), tilt: Number(r?.tilt ?? 0),
    deductibleOutpatient: Number(r?.deductibleOutpatient ?? 0), deductibleInpatient: Number(r?.deductibleInpatient ?? 0),
  };
}
