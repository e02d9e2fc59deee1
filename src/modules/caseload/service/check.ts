// Validating a caseload file against the registry, the cases and the institution register, set-based:
// one query for the file's households, one for their members (what the checks read), one for their open
// cases, one per county for the institutions named. Every error of every row is collected (any one
// refuses the file); the programme's formula on the registry facts at the approval date gives each row's
// warning when it differs from the imported amount: 低保 by the SQL twin where it is exact (twin.ts), the
// rest in JS on the registry rows of those households only (one query per table), built into facts
// without a parse (facts.ts). A clean row becomes the
// staged case: recipient, dates, payee, context and the frozen explanation.
import type { Database } from '../../../db/engine.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import type { FileFormat } from '../../../kernel/files/table.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { hardshipOrigin, type HardshipOrigin } from '../../../programmes/hardship/origin.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { caseParameters } from '../../cases/index.ts';
import { institutionsNamed, type NamedInstitution } from '../../institutions/index.ts';
import { CASELOAD_COLUMNS, headerOf } from '../columns.ts';
import type { CaseloadWarning } from '../contract.ts';
import * as repo from '../repo/caseload.ts';
import { factsOfRows } from './facts.ts';
import { caseContext, formulaAmount } from './formula.ts';
import { readCaseloadFile, type FileRow } from './read-file.ts';
import { stagedCase, type StagedCase } from './staged.ts';
import { dibaoTwin, type TwinOutcome } from './twin.ts';

export type { StagedCase };

/** A row whose amount differs from the formula's; `formulaFen` null when the formula gives nothing (not eligible on the registry facts, or no value). */
export type { CaseloadWarning };


export interface CheckedCaseload {
  cases: StagedCase[];
  errors: RowError[];
  warnings: CaseloadWarning[];
  dataRows: number;
}

export interface CheckInput {
  /** The county imported into (its households only); null: every county of the caller's scope (the CLI's whole registry). */
  countyCode: string | null;
  format: FileFormat;
  fileName: string;
  today: string;
  /** The first month Jiuzhu pays (YYYY-MM): the previous system paid the months before. */
  firstMonth: string;
  /** How the 低保 amounts are computed: by the SQL twin where exact (default), or all by the formula in JS (the twin's test). */
  formula?: 'twin' | 'js';
}

const COLUMN_ORDER = CASELOAD_COLUMNS.map((c) => c.header);
const yuan = (fen: number) => (fen / 100).toFixed(2);
const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

type Member = repo.MemberLite;

/** A household's registry rows as the facts read them (only the columns the facts read are fetched). */
interface HouseholdRecord {
  household: repo.FileHouseholdRow;
  members: repo.MemberFacts[];
  incomes: repo.IncomeFacts[];
  assets: repo.AssetFacts[];
}

/** The facts of a record, as `householdFactsFromRegistry` gives them, without its parse (service/facts.ts). */
const factsOf = (r: HouseholdRecord) => factsOfRows(r.household, r.members, r.incomes, r.assets);

/** What the formula gives for a row: its amount and the members with a top-up, or why it gives none. */
type Outcome = TwinOutcome;

/** A row that passed the checks, waiting for its formula amount. */
interface Checked {
  r: FileRow;
  h: repo.FileHouseholdRow;
  member: Member;
  /** The household's members: their count and birth dates. */
  size: number;
  births: readonly string[];
  institution: NamedInstitution | undefined;
  /** Its index among the rows the twin computes (低保), if any. */
  twin: number | undefined;
}

async function institutionsOf(db: Database, rows: readonly FileRow[], countyOf: (r: FileRow) => string | undefined): Promise<Map<string, Map<string, NamedInstitution>>> {
  const byCounty = new Map<string, Set<string>>();
  for (const r of rows) {
    const county = countyOf(r);
    if (!r.institution || !county) continue;
    byCounty.set(county, (byCounty.get(county) ?? new Set()).add(r.institution));
  }
  const out = new Map<string, Map<string, NamedInstitution>>();
  for (const [county, names] of byCounty) out.set(county, await institutionsNamed(db, county, [...names]));
  return out;
}

/** A promise awaited later: its failure is not unhandled meanwhile (the awaiting code still gets it). */
function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * The file's rows checked, their cases staged but for the formula's outcome (`formulaFen`, `formulaNote`,
 * `topup`, the derived `origin`), which `formula()` fills in (once) and answers the warnings: the import
 * writes the cases and their transitions meanwhile. Its reads have begun already (the twin's statements).
 */
export interface RowsChecked {
  cases: StagedCase[];
  errors: RowError[];
  dataRows: number;
  formula: () => Promise<CaseloadWarning[]>;
}

export async function checkCaseloadFile(db: Database, scope: Scope, body: Buffer, input: CheckInput): Promise<CheckedCaseload> {
  const c = await checkCaseloadRows(db, scope, body, input);
  const warnings = await c.formula();
  return { cases: c.cases, errors: c.errors, warnings, dataRows: c.dataRows };
}

export async function checkCaseloadRows(db: Database, scope: Scope, body: Buffer, input: CheckInput): Promise<RowsChecked> {
  // What needs no row is asked while the file is read; on PostgreSQL the server works while Node parses.
  const paramsRead = later(caseParameters(db));
  const file = await readCaseloadFile(body, input.format, input.today);
  const { rows } = file;
  const errors = [...file.errors];
  const found = await repo.householdsAmong(db.kysely, unique(rows.map((r) => r.householdNo)));
  // Another county's household, or one outside the caller's scope, reads as not found.
  const households = new Map(found.filter((h) => (input.countyCode === null || h.county_code === input.countyCode) && covers(scope, h.village_code)).map((h) => [h.household_no, h]));
  const keys = [...households.values()];
  // The 低保 rows' formula by the twin, started before the checks (a row that fails them is computed for nothing).
  const twinRows: { countyCode: string; householdId: number; date: string }[] = [];
  const twinIndex = new Map<FileRow, number>();
  if (input.formula !== 'js') {
    for (const r of rows) {
      const h = r.programme === 'dibao' ? households.get(r.householdNo) : undefined;
      if (h) twinIndex.set(r, twinRows.push({ countyCode: h.county_code, householdId: Number(h.id), date: r.approvedOn }) - 1);
    }
  }
  const twinRead = later(dibaoTwin(db, twinRows));
  const named = rows.flatMap((r) => (r.idNumber ? [r.idNumber, ...r.members] : r.members));
  const [membersBy, open, params] = await Promise.all([repo.membersOf(db.kysely, keys, named), repo.openCasesOf(db.kysely, keys), paramsRead]);
  const openDibao = new Map<string, repo.OpenCase>();
  const openHardship = new Map<number, repo.OpenCase>();
  for (const c of open) {
    if (c.programme === 'dibao') openDibao.set(`${c.county_code}|${c.household_id}`, c);
    else openHardship.set(Number(c.applicant_member_id), c);
  }
  const institutions = await institutionsOf(db, rows, (r) => households.get(r.householdNo)?.county_code);

  const checked: Checked[] = [];
  for (const r of rows) {
    const fail = (f: Parameters<typeof headerOf>[0], message: string) => void errors.push({ row: r.row, column: headerOf(f), message });
    const before = errors.length;
    const h = households.get(r.householdNo);
    if (!h) {
      fail('householdNo', `户编号 ${r.householdNo} 未登记或不属于${input.countyCode === null ? '您的管辖范围' : '本县'}（请先导入家庭）`);
      continue;
    }
    const household = membersBy.get(`${h.county_code}|${h.id}`);
    const members = household?.members ?? [];
    const byId = new Map<string, Member>(members.map((m) => [m.id_number, m]));
    const head = members.find((m) => m.relation === 'head');
    let member: Member | undefined;
    if (r.idNumber) {
      member = byId.get(r.idNumber);
      if (!member) fail('idNumber', `身份证号码 ${r.idNumber} 不是户编号 ${r.householdNo} 登记的成员`);
    } else {
      member = head;
      if (!member) fail('householdNo', `户编号 ${r.householdNo} 没有登记户主，请填写对象身份证号码`);
    }
    const strangers = r.members.filter((id) => !byId.has(id));
    if (strangers.length > 0) fail('members', `${strangers.join('、')} 不是户编号 ${r.householdNo} 登记的成员`);
    // A closed row is history: it never conflicts with a case in the database.
    if (r.closedOn !== null) {
      // nothing to check
    } else if (r.programme === 'dibao') {
      const c = openDibao.get(`${h.county_code}|${h.id}`);
      if (c) fail('householdNo', `该户已有低保案件 ${c.case_no}（未终止），不能再导入`);
    } else if (member) {
      const c = openHardship.get(Number(member.id));
      if (c) fail('idNumber', `此人已有特困案件 ${c.case_no}（未终止），不能再导入`);
    }
    let institution: NamedInstitution | undefined;
    if (r.institution) {
      institution = institutions.get(h.county_code)?.get(r.institution);
      if (!institution) fail('institution', `供养机构“${r.institution}”不在本县供养服务机构登记中`);
      else if (institution.refusal) fail('institution', institution.refusal);
    }
    if (errors.length > before || !member) continue;
    checked.push({ r, h, member, size: household?.size ?? 0, births: household?.births ?? [], institution, twin: twinIndex.get(r) });
  }

  const cases = checked.map((c) => stagedCase(c.r, c.h, c.member, c.size, { params, ruleSet: ruleSetFor(c.r.approvedOn, params), institution: c.institution, firstMonth: input.firstMonth }));
  errors.sort((a, b) => a.row - b.row || COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column));

  // The formula: 特困 rows in JS on their registry rows (read while the twin runs), then the twin's 低保
  // amounts, and in JS what the twin leaves (a member on the elderly boundary, no parameters or members).
  const formula = async (): Promise<CaseloadWarning[]> => {
    const outcomes = new Map<Checked, { outcome: Outcome; origin: HardshipOrigin | null }>();
    const inJs = async (list: readonly Checked[]) => {
      const records = new Map((await repo.registryRowsOf(db.kysely, unique(list.map((c) => c.h)))).map((x) => [`${x.county_code}|${x.household_id}`, x]));
      for (const c of list) {
        const { r, h, member, institution } = c;
        const rec = records.get(`${h.county_code}|${h.id}`);
        const facts = factsOf({ household: h, members: rec?.members ?? [], incomes: rec?.incomes ?? [], assets: rec?.assets ?? [] });
        const context = caseContext(r.programme, r.stability, r.mode, institution?.id, r.origin);
        const origin = r.programme === 'hardship' ? hardshipOrigin(facts, String(member.id), r.approvedOn, r.origin ?? undefined) : null;
        const f = formulaAmount(programmeOf(r.programme), { facts, applicantId: String(member.id), context, params, ruleSet: ruleSetFor(r.approvedOn, params), date: r.approvedOn, areaCode: h.village_code });
        outcomes.set(c, { origin, outcome: f.ok ? { ok: true, amountFen: f.decision.amountFen, topup: f.decision.summary.topup ?? 0 } : { ok: false, message: f.message } });
      }
    };
    await inJs(checked.filter((c) => c.twin === undefined));
    const twinOf = await twinRead;
    const left: Checked[] = [];
    for (const c of checked) {
      if (c.twin === undefined) continue;
      const outcome = twinOf(c.twin, c.births);
      if (outcome) outcomes.set(c, { outcome, origin: null });
      else left.push(c);
    }
    if (left.length > 0) await inJs(left);
    const warnings: CaseloadWarning[] = [];
    checked.forEach((c, i) => {
      const { r } = c;
      const { outcome, origin } = outcomes.get(c)!;
      const formulaFen = outcome.ok ? outcome.amountFen : null;
      if (formulaFen !== r.amountFen) {
        const message = outcome.ok
          ? `原系统金额 ${yuan(r.amountFen)} 元，按登记信息和批准日期的政策参数计算为 ${yuan(outcome.amountFen)} 元（相差 ${yuan(r.amountFen - outcome.amountFen)} 元），按原系统金额导入`
          : `原系统金额 ${yuan(r.amountFen)} 元，按登记信息计算不出金额：${outcome.message}；按原系统金额导入`;
        warnings.push({ row: r.row, column: headerOf('amount'), programme: r.programme, householdNo: r.householdNo, importedFen: r.amountFen, formulaFen, message });
      }
      Object.assign(cases[i]!, { formulaFen, formulaNote: outcome.ok ? null : outcome.message, topup: outcome.ok ? outcome.topup : 0, origin });
    });
    return warnings;
  };
  return { cases, errors, dataRows: file.dataRows, formula };
}
