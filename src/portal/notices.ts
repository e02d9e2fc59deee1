// 通知公示: the citizen's notices (决定通知书) and the public notices (公示) of their village, through the cases
// module's citizen use cases, with amounts in fen and in 元 (names are masked by the module).
import type { Database } from '../db/engine.ts';
import type { CitizenScope } from '../kernel/scope.ts';
import { citizenNotices, citizenPublicNotices } from '../modules/cases/index.ts';
import { yuanOf } from './cases.ts';

const money = (fen: number | null) => (fen === null ? { amountFen: null, amountYuan: null } : { amountFen: fen, amountYuan: yuanOf(fen) });

export async function myNotices(db: Database, scope: CitizenScope) {
  const items = await citizenNotices(db, scope);
  return { items: items.map((n) => ({ caseNo: n.caseNo, programme: n.programmeLabel, title: n.title, body: n.body, decidedOn: n.decidedOn, ...money(n.amountFen) })) };
}

export async function villageNotices(db: Database, scope: CitizenScope) {
  const items = await citizenPublicNotices(db, scope);
  return {
    items: items.map((n) => ({
      caseNo: n.caseNo, programme: n.programmeLabel, villageName: n.villageName, applicantName: n.applicantName, householdSize: n.householdSize,
      ...money(n.amountFen), amountStatus: n.amountStatus, noticeStart: n.noticeStart, noticeEnd: n.noticeEnd,
    })),
  };
}
