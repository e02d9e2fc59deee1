// Validating a settlement file against the database, set-based: one query for all its ID numbers, one
// for its settlement numbers, one for its episodes in the ledger, one per settlement month for the
// recipients. Every error of every row is collected; the caller refuses the file when there is any.
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import type { FileFormat } from '../../../kernel/files/table.ts';
import { GROUP_LABELS, recipientsQuery, type MedicalGroup } from '../repo/groups.ts';
import * as repo from '../repo/settlements.ts';
import { headerOf } from './settlement-columns.ts';
import { episodeKey, readSettlementFile, type SettlementRow } from './settlement-file.ts';

export interface CheckedFile {
  episodes: repo.NewEpisode[];
  errors: RowError[];
  dataRows: number;
}

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

/** The recipients' groups among the rows that declare 特困 or 低保, per month of settlement. */
async function recipientGroups(db: Database, countyCode: string, rows: readonly SettlementRow[]): Promise<Map<string, Map<string, MedicalGroup>>> {
  const byMonth = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.group === 'near_dibao') continue;
    const month = r.settledOn.slice(0, 7);
    const ids = byMonth.get(month) ?? new Set<string>();
    byMonth.set(month, ids.add(r.idNumber));
  }
  const out = new Map<string, Map<string, MedicalGroup>>();
  for (const [month, ids] of byMonth) {
    const found = await recipientsQuery(countyCode, month, [...ids]).execute(db.kysely);
    out.set(month, new Map(found.rows.map((x) => [x.id_number, x.group])));
  }
  return out;
}

function ledgerMessage(l: { source: string; status: string; settlement_no: string | null }): string {
  if (l.source === 'settlement') return `该次就医已一站式结算${l.settlement_no ? `（结算单号 ${l.settlement_no}）` : ''}，不能重复导入`;
  return l.status === 'paid' ? '该次就医已申请医疗救助并已审批支付，不能再导入结算' : '该次就医已申请医疗救助（正在审批），不能再导入结算';
}

export async function checkSettlementFile(db: Database, countyCode: string, body: Buffer, format: FileFormat): Promise<CheckedFile> {
  const file = await readSettlementFile(body, format, todayInChina());
  const { rows } = file;
  const errors = [...file.errors];
  const keys = new Map(rows.map((r) => [episodeKey(r), { id_number: r.idNumber, hospital: r.hospital, admitted_on: r.admittedOn, kind: r.kind }]));
  // Independent reads: on a server they run side by side on the pool's connections.
  const [found, settled, ledger, groups] = await Promise.all([
    repo.membersAmong(db.kysely, countyCode, unique(rows.map((r) => r.idNumber))),
    repo.settledNumbers(db.kysely, countyCode, unique(rows.map((r) => r.settlementNo))),
    repo.ledgerAmong(db.kysely, [...keys.values()]),
    recipientGroups(db, countyCode, rows),
  ]);
  const members = new Map(found.map((m) => [m.id_number, m]));
  const inLedger = new Map(ledger.map((l) => [episodeKey({ idNumber: l.id_number, hospital: l.hospital, admittedOn: l.admitted_on, kind: l.kind }), l]));
  const episodes: repo.NewEpisode[] = [];
  for (const r of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => void errors.push({ row: r.row, column, message });
    const m = members.get(r.idNumber);
    if (!m) fail(headerOf('idNumber'), '公民身份号码未在本县登记');
    else {
      if (m.name !== r.name) fail(headerOf('name'), `姓名“${r.name}”与公民身份号码登记的姓名不符`);
      if (r.group !== 'near_dibao') {
        const month = r.settledOn.slice(0, 7);
        const actual = groups.get(month)?.get(r.idNumber);
        if (actual !== r.group) fail(headerOf('group'), `结算日期所在月（${month}）不是${GROUP_LABELS[r.group]}${actual ? `（为${GROUP_LABELS[actual]}）` : ''}`);
      }
    }
    if (settled.has(r.settlementNo)) fail(headerOf('settlementNo'), `结算单号 ${r.settlementNo} 已导入，不能重复导入`);
    const l = inLedger.get(episodeKey(r));
    if (l) fail(headerOf('admittedOn'), ledgerMessage(l));
    if (!m || errors.length > before) continue;
    const { row, ...episode } = r;
    episodes.push({ ...episode, rowNo: row, areaCode: m.village_code, householdId: m.household_id, memberId: m.member_id });
  }
  errors.sort((a, b) => a.row - b.row);
  return { episodes, errors, dataRows: file.dataRows };
}
