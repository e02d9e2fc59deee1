// Reading and reviewing premium-subsidy lists (审核): lists and a list's totals, entries (masked unless
// unmasked, which needs `medical.subsidy` and is audited), excluding an entry with a reason or taking it
// back while the list is a draft, then draft → reviewed → approved, or void. Every change is audited.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import type { SubsidyGroup } from '../contract/subsidy.ts';
import type { SubsidyListStatus } from '../tables.ts';
import * as entries from '../repo/subsidy-entries.ts';
import * as lists from '../repo/subsidy-lists.ts';
import { header, mustChangeList, seesCounty, mustFindList, visibleCounties, wrongStatus } from './subsidy-access.ts';
import { GROUP_LABELS, groupLabel, RESULT_LABELS, STATUS_LABELS } from './subsidy-labels.ts';

export async function listSubsidyLists(db: Database, scope: Scope, q: { area?: string | undefined; year?: number | undefined; limit: number; after?: number | undefined }) {
  allow(scope, 'medical.lists');
  // an area in scope, or one the scope lies in (a township asks for its county's lists)
  if (q.area && !seesCounty(scope, q.area)) throw AppError.notFound('区划', q.area);
  const rows = await lists.lists(db.kysely, visibleCounties(scope, 'l.county_code'), q);
  const last = rows.at(-1);
  return { items: rows.map((l) => header(l, STATUS_LABELS)), next: rows.length === q.limit && last ? last.id : null };
}

export async function getSubsidyList(db: Database, scope: Scope, listNo: string) {
  const l = await mustFindList(db, scope, listNo);
  const rows = await entries.totals(db.kysely, l, inScope(scope, 'e.area_code'));
  const kept = rows.filter((r) => !r.excluded);
  const groups = (['hardship', 'dibao'] as const satisfies readonly SubsidyGroup[]).map((g) => {
    const of = kept.filter((r) => r.group === g);
    return { group: g, groupLabel: GROUP_LABELS[g], persons: of.reduce((n, r) => n + r.persons, 0), contributionFen: of.reduce((n, r) => n + r.contribution_fen, 0), amountFen: of.reduce((n, r) => n + r.subsidy_fen, 0) };
  });
  const townships = new Map<string, { townshipCode: string; townshipName: string; persons: number; amountFen: number }>();
  for (const r of kept) {
    const t = townships.get(r.township_code) ?? { townshipCode: r.township_code, townshipName: r.township_name ?? r.township_code, persons: 0, amountFen: 0 };
    t.persons += r.persons;
    t.amountFen += r.subsidy_fen;
    townships.set(r.township_code, t);
  }
  return { ...header(l, STATUS_LABELS), byGroup: groups, byTownship: [...townships.values()], excluded: rows.filter((r) => r.excluded).reduce((n, r) => n + r.persons, 0) };
}

export async function listSubsidyEntries(db: Database, scope: Scope, listNo: string, q: entries.EntryFilter & { unmask: boolean }) {
  if (q.unmask) allow(scope, 'medical.subsidy');
  const l = await mustFindList(db, scope, listNo);
  const rows = await entries.entries(db.kysely, l, inScope(scope, 'e.area_code'), q);
  if (q.unmask) {
    await write(db, scope, (tx) => appendAudit(tx, scope, { action: 'medical.subsidy.unmask', entity: 'medical_subsidy_list', entityId: listNo, areaCode: l.county_code, after: { entries: rows.map((r) => r.id) } }));
  }
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      id: r.id, townshipCode: r.township_code ?? r.area_code.slice(0, 9), townshipName: r.township_name ?? '', villageCode: r.area_code, villageName: r.village_name ?? '',
      name: q.unmask ? r.name : maskName(r.name), idNumber: q.unmask ? r.id_number : maskIdNumber(r.id_number),
      group: r.group === 'hardship' ? 'hardship' as const : 'dibao' as const, groupLabel: groupLabel(r.group), basisCaseNo: r.basis_case_no,
      contributionFen: r.contribution_fen, subsidyFen: r.subsidy_fen, selfPayFen: r.contribution_fen - r.subsidy_fen,
      excluded: r.excluded, excludeReason: r.exclude_reason, result: r.result, resultLabel: RESULT_LABELS[r.result], resultReason: r.result_reason,
    })),
    next: rows.length === q.limit && last ? last.id : null,
  };
}

/** Excludes an entry (reason given) or includes it back (reason null), while the list is a draft. */
export async function setEntryExcluded(db: Database, scope: Scope, listNo: string, entryId: number, reason: string | null) {
  const found = await mustChangeList(db, scope, listNo);
  const excluded = reason !== null;
  return write(db, scope, async (tx) => {
    const l = (await lists.byNo(tx, found.list_no, true))!;
    if (l.status !== 'draft') throw wrongStatus(l, excluded ? '剔除人员' : '恢复人员', STATUS_LABELS[l.status]);
    const e = await entries.entryById(tx, l, entryId);
    if (!e) throw AppError.notFound('名单人员', String(entryId));
    let totals = { persons: l.persons, amountFen: l.amount_fen };
    if (e.excluded === excluded && reason !== null) await entries.setReason(tx, l, entryId, reason);
    else if (e.excluded !== excluded) totals = await entries.setExcluded(tx, l, entryId, excluded, reason);
    await appendAudit(tx, scope, {
      action: excluded ? 'medical.subsidy.exclude' : 'medical.subsidy.include', entity: 'medical_subsidy_list', entityId: l.list_no, areaCode: e.area_code,
      before: { entryId, excluded: e.excluded, reason: e.exclude_reason }, after: { entryId, excluded, reason, ...totals },
    });
    return { listNo: l.list_no, entryId, excluded, ...totals };
  });
}

const STEPS = {
  review: { from: ['draft'], to: 'reviewed', label: '审核' },
  approve: { from: ['reviewed'], to: 'approved', label: '审批' },
  void: { from: ['draft', 'reviewed'], to: 'void', label: '作废' },
} as const satisfies Record<string, { from: readonly SubsidyListStatus[]; to: SubsidyListStatus; label: string }>;

/** review: draft → reviewed (totals recomputed without excluded entries); approve: reviewed → approved; void: draft or reviewed → void. */
export async function moveSubsidyList(db: Database, scope: Scope, listNo: string, step: keyof typeof STEPS) {
  const found = await mustChangeList(db, scope, listNo);
  const s = STEPS[step];
  return write(db, scope, async (tx) => {
    const l = (await lists.byNo(tx, found.list_no, true))!;
    if (!(s.from as readonly SubsidyListStatus[]).includes(l.status)) throw wrongStatus(l, s.label, STATUS_LABELS[l.status]);
    const today = todayInChina();
    let totals = { persons: l.persons, amountFen: l.amount_fen };
    if (step === 'review') totals = (await lists.review(tx, l, scope.userName, today)) ?? totals;
    else await lists.moveStatus(tx, l, s.from, s.to, step === 'approve' ? { approved_by: scope.userName, approved_on: today } : {});
    await appendAudit(tx, scope, { action: `medical.subsidy.${step}`, entity: 'medical_subsidy_list', entityId: l.list_no, areaCode: l.county_code, before: { status: l.status }, after: { status: s.to, ...totals } });
    const after = (await lists.byNo(tx, l.list_no))!;
    return header(after, STATUS_LABELS);
  });
}
