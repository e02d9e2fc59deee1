// The rows an import writes, computed in Node from the checked cases: per case one row of `cases`, one
// `migrate` transition, one `migration` decision and one monthly entitlement (and for a closed case the
// entitlement of 0 an exit leaves behind), as the columns of the repository's `Inserts`. What the
// cases module's `decideInBulk` would write for the same rows (ids drawn from the one sequence, case
// numbers a block per programme, county and year in the order of the file's rows), without staging them:
// a statement that joins and builds JSON per row cost more than writing the rows.
import { HARDSHIP_ORIGINS, ORIGIN_SUMMARY_KEYS } from '../../../programmes/hardship/origin.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import type { Column } from '../repo/write.ts';
import type { StagedCase } from './check.ts';
import { nextMonth } from './formula.ts';

export interface WriteContext {
  /** The import's number: the cases' source keys (`caseload:<stage>:<row>`). */
  stage: number;
  fileName: string;
  firstMonth: string;
  actor: { id: number | null; name: string; role: string };
}

export interface WrittenRows {
  cases: Column[];
  transitions: Column[];
  /** The case id of each checked case (same order). */
  caseIds: number[];
  /** The decisions' and entitlements' rows, once the formula's outcome is in the cases (their explanation and summary). */
  decided: () => { decisions: Column[]; entitlements: Column[] };
}

/** The (programme prefix, county, year) blocks of case numbers, in the order of first use. */
export interface SerialBlock {
  prefix: string;
  countyCode: string;
  year: string;
  count: number;
}

const blockKey = (c: StagedCase) => `${programmeOf(c.programme).serialPrefix}|${c.countyCode}|${c.decidedOn.slice(0, 4)}`;

/** The blocks of case numbers the cases need, one per programme, county and approval year. */
export function serialBlocks(cases: readonly StagedCase[]): SerialBlock[] {
  const out = new Map<string, SerialBlock>();
  for (const c of cases) {
    const key = blockKey(c);
    const b = out.get(key);
    if (b) b.count += 1;
    else out.set(key, { prefix: programmeOf(c.programme).serialPrefix, countyCode: c.countyCode, year: c.decidedOn.slice(0, 4), count: 1 });
  }
  return [...out.values()];
}

/** How many ids the rows need: four per case, and one more per closed case (its stop). */
export const idsNeeded = (cases: readonly StagedCase[]) => cases.length * 4 + cases.filter((c) => c.closedOn !== null).length;

type Values = (string | number | null)[];
const json = (v: unknown) => JSON.stringify(v);
const originKeys = HARDSHIP_ORIGINS.map((o) => [o, ORIGIN_SUMMARY_KEYS[o]] as const);

function context(c: StagedCase, ctx: WriteContext): string {
  // As jsonb_strip_nulls left it: a null is no key (undefined is dropped by JSON.stringify).
  const migration = {
    file: ctx.fileName, row: c.row, category: c.stability ?? c.mode ?? undefined, lastReviewOn: c.lastReviewOn ?? undefined,
    members: c.members.length > 0 ? c.members : undefined, closedOn: c.closedOn ?? undefined,
  };
  if (c.programme === 'hardship') {
    return json({
      stability: 'stable',
      support: { mode: c.mode ?? undefined, institutionId: c.institutionId ?? undefined, hasLegalSupporter: false, supporterAble: false },
      origin: c.originGiven ?? undefined, migration,
    });
  }
  return json({ stability: c.stability ?? undefined, migration });
}

function summary(c: StagedCase): string {
  if (c.programme !== 'hardship') return json({ gap: c.amountFen, topup: c.topup });
  const s: Record<string, number> = { institutional: c.mode === 'institutional' ? 1 : 0 };
  for (const [o, key] of originKeys) s[key] = c.origin === o ? 1 : 0;
  return json(s);
}

const explanation = (c: StagedCase, ctx: WriteContext) => json({
  formula: 'migration', migration: true, programme: c.programme, file: ctx.fileName, row: c.row, importedFen: c.amountFen, formulaFen: c.formulaFen,
  formulaNote: c.formulaNote, ruleSet: c.ruleSet, period: c.decidedOn, firstPaidMonth: ctx.firstMonth, closedOn: c.closedOn,
});

/**
 * The four tables' rows. `ids`: as many as `idsNeeded` (the cases', transitions', decisions' and
 * entitlements' in turn per case, then the stops'); `firstNumbers`: the first case number of each block
 * of `serialBlocks`, in the same order.
 */
export function writtenRows(cases: readonly StagedCase[], ids: readonly number[], firstNumbers: readonly number[], ctx: WriteContext): WrittenRows {
  const next = new Map(serialBlocks(cases).map((b, i) => [`${b.prefix}|${b.countyCode}|${b.year}`, firstNumbers[i]!]));
  const n = cases.length;
  const col = () => new Array<string | number | null>(n);
  const k = { county: col(), caseId: col(), caseNo: col(), programme: col(), ruleSet: col(), household: col(), area: col(), member: col(), name: col(), idNumber: col(),
    state: col(), phase: col(), context: col(), decidedOn: col(), since: col(), reviewDue: col(), sourceKey: col(), transitionId: col(), decisionId: col(),
    effective: col(), amount: col() };
  const contexts = new Array<string>(n);
  const explanations = new Array<string>(n);
  const caseIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cases[i]!;
    const key = blockKey(c);
    const no = next.get(key)!;
    next.set(key, no + 1);
    const [caseId, transitionId, decisionId] = [ids[4 * i]!, ids[4 * i + 1]!, ids[4 * i + 2]!];
    const closed = c.closedOn !== null;
    caseIds.push(caseId);
    k.county[i] = c.countyCode; k.caseId[i] = caseId; k.caseNo[i] = `${programmeOf(c.programme).serialPrefix}${c.countyCode}${c.decidedOn.slice(0, 4)}${String(no).padStart(6, '0')}`;
    k.programme[i] = c.programme; k.ruleSet[i] = c.ruleSet; k.household[i] = c.householdId; k.area[i] = c.areaCode; k.member[i] = c.memberId;
    k.name[i] = c.name; k.idNumber[i] = c.idNumber; k.state[i] = closed ? 'exited' : 'approved'; k.phase[i] = closed ? 'terminal' : 'payable';
    contexts[i] = context(c, ctx); k.decidedOn[i] = c.decidedOn; k.since[i] = c.closedOn ?? c.decidedOn; k.reviewDue[i] = c.reviewDue;
    k.sourceKey[i] = `caseload:${ctx.stage}:${c.row}`; k.transitionId[i] = transitionId; k.decisionId[i] = decisionId; k.effective[i] = c.effectiveMonth;
    k.amount[i] = c.amountFen;
  }
  const reason = `存量对象迁移导入（${ctx.fileName}）`;
  return {
    caseIds,
    cases: [
      { name: 'county_code', type: 'text', values: k.county }, { name: 'id', type: 'bigint', values: k.caseId }, { name: 'case_no', type: 'text', values: k.caseNo },
      { name: 'programme', type: 'text', values: k.programme }, { name: 'rule_set', type: 'text', values: k.ruleSet }, { name: 'household_id', type: 'bigint', values: k.household },
      { name: 'area_code', type: 'text', values: k.area }, { name: 'applicant_member_id', type: 'bigint', values: k.member }, { name: 'applicant_name', type: 'text', values: k.name },
      { name: 'applicant_id_number', type: 'text', values: k.idNumber }, { name: 'state', type: 'text', values: k.state }, { name: 'phase', type: 'text', values: k.phase },
      { name: 'context', type: 'jsonb', values: contexts }, { name: 'applied_on', type: 'date', values: k.decidedOn }, { name: 'state_since', type: 'date', values: k.since },
      { name: 'review_due', type: 'date', values: k.reviewDue }, { name: 'source_key', type: 'text', values: k.sourceKey },
    ],
    transitions: [
      { name: 'county_code', type: 'text', values: k.county }, { name: 'id', type: 'bigint', values: k.transitionId }, { name: 'case_id', type: 'bigint', values: k.caseId },
      { name: 'seq', type: 'int', constant: 1 }, { name: 'action', type: 'text', constant: 'migrate' }, { name: 'from_state', type: 'text', constant: null },
      { name: 'to_state', type: 'text', values: k.state }, { name: 'to_phase', type: 'text', values: k.phase }, { name: 'on_date', type: 'date', values: k.decidedOn },
      { name: 'actor_id', type: 'bigint', constant: ctx.actor.id }, { name: 'actor_name', type: 'text', constant: ctx.actor.name },
      { name: 'actor_role', type: 'text', constant: ctx.actor.role }, { name: 'reason', type: 'text', constant: reason },
      { name: 'data', type: 'jsonb', constant: json({ migration: true, file: ctx.fileName }) },
    ],
    decided: () => {
      const e = { county: [] as Values, id: [] as Values, programme: [] as Values, caseId: [] as Values, decisionId: [] as Values, household: [] as Values, area: [] as Values,
        kind: [] as Values, recipient: [] as Values, from: [] as Values, amount: [] as Values, persons: [] as Values, payee: [] as Values,
        payeeName: [] as Values, payeeId: [] as Values, summary: [] as string[] };
      const entitlement = (c: StagedCase, id: number, caseId: number, decisionId: number, from: string, amount: number, persons: number, sum: string) => {
        const p = programmeOf(c.programme);
        e.county.push(c.countyCode); e.id.push(id); e.programme.push(c.programme); e.caseId.push(caseId); e.decisionId.push(decisionId); e.household.push(c.householdId);
        e.area.push(c.areaCode); e.kind.push(p.recipient); e.recipient.push(p.recipient === 'household' ? c.householdId : c.memberId); e.from.push(from);
        e.amount.push(amount); e.persons.push(persons); e.summary.push(sum); e.payee.push(c.payee); e.payeeName.push(c.payeeName); e.payeeId.push(c.payeeIdNumber);
      };
      for (let i = 0; i < n; i++) {
        const c = cases[i]!;
        explanations[i] = explanation(c, ctx);
        entitlement(c, ids[4 * i + 3]!, ids[4 * i]!, ids[4 * i + 2]!, c.fromMonth, c.amountFen, c.persons, summary(c));
      }
      // A closed case's stop: 0 from the month after its closing (at the earliest its first month), drawn after every other id.
      let j = 0;
      for (let i = 0; i < n; i++) {
        const c = cases[i]!;
        if (c.closedOn === null) continue;
        const after = nextMonth(c.closedOn);
        entitlement(c, ids[4 * n + j++]!, ids[4 * i]!, ids[4 * i + 2]!, after > c.fromMonth ? after : c.fromMonth, 0, 0, '{}');
      }
      return {
        decisions: [
          { name: 'county_code', type: 'text', values: k.county }, { name: 'id', type: 'bigint', values: k.decisionId }, { name: 'case_id', type: 'bigint', values: k.caseId },
          { name: 'transition_id', type: 'bigint', values: k.transitionId }, { name: 'kind', type: 'text', constant: 'migration' }, { name: 'decided_on', type: 'date', values: k.decidedOn },
          { name: 'effective_month', type: 'text', values: k.effective }, { name: 'end_month', type: 'text', constant: null }, { name: 'amount_fen', type: 'bigint', values: k.amount },
          { name: 'explanation', type: 'jsonb', values: explanations }, { name: 'reason', type: 'text', constant: reason },
        ],
        entitlements: [
          { name: 'county_code', type: 'text', values: e.county }, { name: 'id', type: 'bigint', values: e.id }, { name: 'programme', type: 'text', values: e.programme },
          { name: 'case_id', type: 'bigint', values: e.caseId }, { name: 'decision_id', type: 'bigint', values: e.decisionId }, { name: 'household_id', type: 'bigint', values: e.household },
          { name: 'area_code', type: 'text', values: e.area }, { name: 'recipient_kind', type: 'text', values: e.kind }, { name: 'recipient_id', type: 'bigint', values: e.recipient },
          { name: 'schedule', type: 'text', constant: 'monthly' }, { name: 'from_month', type: 'text', values: e.from }, { name: 'to_month', type: 'text', constant: null },
          { name: 'amount_fen', type: 'bigint', values: e.amount }, { name: 'persons', type: 'int', values: e.persons }, { name: 'summary', type: 'jsonb', values: e.summary },
          { name: 'payee', type: 'text', values: e.payee }, { name: 'method', type: 'text', constant: 'transfer' }, { name: 'payee_name', type: 'text', values: e.payeeName },
          { name: 'payee_id_number', type: 'text', values: e.payeeId },
        ],
      };
    },
  };
}

