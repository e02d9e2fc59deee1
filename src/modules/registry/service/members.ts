import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import type { Member, Relation } from '../domain/types.ts';
import * as households from '../repo/households.ts';
import * as members from '../repo/members.ts';
import { mustFindHousehold } from './read.ts';
import { refuseRegistered } from './write.ts';
import { memberView } from '../view.ts';

async function findMember(db: Database, scope: Scope, householdNo: string, idNumber: string) {
  const h = await mustFindHousehold(db, scope, householdNo);
  const ms = await households.listMembers(db.kysely, h.key);
  const m = ms.find((x) => x.id_number === idNumber);
  if (!m) throw AppError.notFound('家庭成员', idNumber);
  return { h, ms, m };
}

function oneHead(ms: { relation: string }[]) {
  if (ms.filter((m) => m.relation === 'head').length !== 1) throw AppError.field('relation', '家庭须有且只有一名户主');
}

export async function addMember(db: Database, scope: Scope, householdNo: string, member: Member) {
  allow(scope, 'registry.write');
  const h = await mustFindHousehold(db, scope, householdNo);
  const ms = await households.listMembers(db.kysely, h.key);
  oneHead([...ms, member]);
  await refuseRegistered(db, scope, [{ idNumber: member.idNumber, field: 'idNumber' }]);
  await write(db, scope, async (tx) => {
    await members.insertMember(tx, h.county_code, h.id, member);
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: 'member.add', subject: member.idNumber, after: member });
    await appendAudit(tx, scope, { action: 'registry.member.add', entity: 'household', entityId: householdNo, areaCode: h.village_code, after: member });
  });
}

export async function updateMember(db: Database, scope: Scope, householdNo: string, idNumber: string, member: Member) {
  allow(scope, 'registry.write');
  const { h, ms, m } = await findMember(db, scope, householdNo, idNumber);
  if (member.idNumber !== idNumber) throw AppError.field('idNumber', '身份证号码不能在此修改；请删除后重新添加');
  oneHead(ms.map((x) => (x.id === m.id ? member : x)));
  const before = memberView(m, false);
  await write(db, scope, async (tx) => {
    await members.updateMember(tx, h.county_code, m.id, member);
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: 'member.update', subject: idNumber, before, after: member });
    await appendAudit(tx, scope, { action: 'registry.member.update', entity: 'household', entityId: householdNo, areaCode: h.village_code, before, after: member });
  });
}

export async function removeMember(db: Database, scope: Scope, householdNo: string, idNumber: string, reason: string) {
  allow(scope, 'registry.write');
  const { h, ms, m } = await findMember(db, scope, householdNo, idNumber);
  if (m.relation === 'head' && ms.length > 1) throw AppError.field('idNumber', '请先指定新的户主，再移除原户主');
  if (ms.length === 1) throw AppError.field('idNumber', '家庭至少须有一名成员');
  const before = memberView(m, false);
  await write(db, scope, async (tx) => {
    await members.deleteMember(tx, h.county_code, m.id, idNumber);
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: 'member.remove', subject: idNumber, before, after: { reason } });
    await appendAudit(tx, scope, { action: 'registry.member.remove', entity: 'household', entityId: householdNo, areaCode: h.village_code, before, after: { reason } });
  });
}

/** Moving a member is recorded on both households' timelines, as one change. */
export async function moveMember(db: Database, scope: Scope, householdNo: string, idNumber: string, to: { householdNo: string; relation: Relation; reason: string }) {
  allow(scope, 'registry.write');
  const { h, ms, m } = await findMember(db, scope, householdNo, idNumber);
  if (to.householdNo === householdNo) throw AppError.field('toHouseholdNo', '迁入家庭与原家庭相同');
  if (m.relation === 'head' && ms.length > 1) throw AppError.field('idNumber', '请先指定新的户主，再迁出原户主');
  if (ms.length === 1) throw AppError.field('idNumber', '家庭唯一成员不能迁出；可将整户注销');
  const target = await mustFindHousehold(db, scope, to.householdNo).catch(() => {
    throw AppError.field('toHouseholdNo', `迁入家庭 ${to.householdNo} 不存在或不在您的管辖范围`);
  });
  const targetMembers = await households.listMembers(db.kysely, target.key);
  if (to.relation === 'head' && targetMembers.some((x) => x.relation === 'head')) throw AppError.field('relation', '迁入家庭已有户主');
  const before = memberView(m, false);
  const moved: Member = { ...before, idNumber, sex: m.sex, relation: to.relation, hukou: m.hukou, workCapacity: m.work_capacity, disabilityKind: before.disabilityKind as Member['disabilityKind'], disabilityGrade: before.disabilityGrade as Member['disabilityGrade'], categories: m.categories as Member['categories'], leftBehind: m.left_behind, phone: m.phone };
  await write(db, scope, async (tx) => {
    await members.deleteMember(tx, h.county_code, m.id, idNumber);
    await members.insertMember(tx, target.county_code, target.id, moved);
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: 'member.move_out', subject: idNumber, before, after: { toHouseholdNo: to.householdNo, reason: to.reason } });
    await households.addHistory(tx, scope, { countyCode: target.county_code, householdId: target.id, action: 'member.move_in', subject: idNumber, before: { fromHouseholdNo: householdNo }, after: { ...moved, reason: to.reason } });
    await appendAudit(tx, scope, { action: 'registry.member.move', entity: 'household', entityId: householdNo, areaCode: h.village_code, before, after: { toHouseholdNo: to.householdNo, relation: to.relation, reason: to.reason } });
  });
}
