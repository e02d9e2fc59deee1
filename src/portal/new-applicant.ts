// A new applicant (not in the registry) applying online: the household facts the form asks for, how they
// are written into the intake request for the window, and where the application stands (待登记立案).
import { z } from 'zod';
import type { Database } from '../db/engine.ts';
import { AppError } from '../kernel/errors.ts';
import { parseIdNumber } from '../kernel/id-number.ts';
import { maskIdNumber } from '../kernel/mask.ts';
import { namesOf, publicChildren } from '../modules/areas/index.ts';
import { pendingStates } from '../modules/intake/index.ts';
import { RELATION_LABELS } from '../modules/registry/index.ts';

const RELATIONS = Object.keys(RELATION_LABELS) as [keyof typeof RELATION_LABELS, ...(keyof typeof RELATION_LABELS)[]];
const chineseName = z.string({ message: '请填写姓名' }).trim().regex(/^[\p{Script=Han}·]{2,20}$/u, '姓名应为2至20个汉字');

/** The household facts a citizen not in the registry gives with the application (the window registers the household). */
export const newApplicantSchema = z.strictObject({
  name: chineseName,
  phone: z.string({ message: '请填写手机号码' }).trim().regex(/^1[3-9]\d{9}$/, '手机号码应为11位中国大陆手机号'),
  villageCode: z.string({ message: '请选择所在村（社区）' }).regex(/^\d{12}$/, '请选择所在村（社区）'),
  householdSize: z.number({ message: '请填写家庭人口' }).int('家庭人口应为整数').min(1, '家庭人口至少1人').max(30, '家庭人口至多30人'),
  members: z.array(z.strictObject({
    name: chineseName,
    relation: z.enum(RELATIONS, { message: '请选择与申请人的关系' }),
    idNumber: z.string({ message: '请填写身份证号码' }).trim().toUpperCase().regex(/^\d{17}[\dX]$/, '身份证号码应为18位'),
  })).max(10, '至多填写10位家庭成员（其余到窗口登记）').optional(),
  monthlyIncomeYuan: z.number({ message: '请填写家庭月收入' }).min(0, '家庭月收入不能为负').max(1_000_000, '家庭月收入过大'),
});
export type NewApplicant = z.output<typeof newApplicantSchema>;

/** What the form's facts become: checked against the registry of areas (village) and the ID number rules. */
export async function checkedNewApplicant(db: Database, a: NewApplicant) {
  const township = a.villageCode.slice(0, 9);
  const village = (await publicChildren(db.kysely, township)).find((x) => x.code === a.villageCode && x.level === 'village');
  if (!village) throw AppError.field('newApplicant.villageCode', '没有这个村（社区），请重新选择');
  for (const [i, m] of (a.members ?? []).entries()) {
    const parsed = parseIdNumber(m.idNumber);
    if (!parsed.ok) throw AppError.field(`newApplicant.members.${i}.idNumber`, parsed.message);
  }
  const names = await namesOf(db.kysely, [township]);
  const incomeFen = Math.round(a.monthlyIncomeYuan * 100);
  const members = (a.members ?? []).map((m) => `${m.name}（${RELATION_LABELS[m.relation]}，${maskIdNumber(m.idNumber)}）`).join('、');
  return {
    township,
    /** For the window: what the citizen says of the household, to register it. */
    facts: `未在家庭信息库登记，待窗口登记家庭后立案。所在地：${names.get(township) ?? township}${village.name}；家庭人口 ${a.householdSize} 人；家庭月收入约 ${(incomeFen / 100).toFixed(2)} 元`, // the phone is the request's person's (shown masked)
    structureNote: members ? `申请人填报的家庭成员：${members}` : '',
  };
}

const PENDING_LABELS = { awaiting_registration: '待窗口登记家庭', opened: '已立案', closed: '已结束' } as const;

/** The state of each new applicant's application (by request number), in the portal's words. */
export async function newApplicantStates(db: Database, rows: readonly { county_code: string; request_no: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const county of new Set(rows.map((r) => r.county_code))) {
    const states = await pendingStates(db, county, rows.filter((r) => r.county_code === county).map((r) => r.request_no));
    for (const [no, s] of states) {
      out.set(no, s.state === 'opened' ? `${PENDING_LABELS.opened}（${s.caseNo}）` : s.state === 'closed' ? `${PENDING_LABELS.closed}（${s.reason}）` : PENDING_LABELS.awaiting_registration);
    }
  }
  return out;
}
