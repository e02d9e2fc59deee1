// A verification request on a case (with the household's recorded authorization), its matching, and
// the caseworker's resolution of each finding.
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../../../kernel/types.ts';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { mustFindCase } from '../../cases/index.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import { findHousehold } from '../../registry/index.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { SOURCE_DEFINITIONS, RELATION_LABELS, type Relation, type Source } from '../domain/sources.ts';
import { latestSnapshots, runMatch } from '../repo/match.ts';
import * as repo from '../repo/requests.ts';
import { countyLimits } from './limits.ts';


export const authorizationSchema = z.strictObject({
  householdNo: z.string().regex(/^\d{6}\d+$/, '户编号格式不正确'),
  signerRole: z.enum(['household', 'supporter'], { message: '签署人应为 household（家庭成员）或 supporter（法定赡养、抚养、扶养义务人）' }),
  /** A member of the household who signed: the name and ID number are the registry's (the page shows them masked). */
  signerMemberId: z.number().int().positive().optional(),
  /** Typed when the signer is not a member (a legal supporter living elsewhere); left out with signerMemberId. */
  signerName: z.string().trim().min(2, '签署人姓名至少2个字').max(50).optional(),
  signerIdNumber: z.string().trim().refine((v) => parseIdNumber(v).ok, '签署人公民身份号码无效').optional(),
  signedOn: isoDate,
  noLegalSupporter: z.boolean().default(false),
  note: z.string().trim().max(500).default(''),
});

async function householdOf(db: Database, scope: Scope, householdNo: string) {
  const h = await findHousehold(db.kysely, scope, householdNo);
  if (h) return h;
  throw AppError.notFound('家庭', householdNo);
}

const authView = (a: Awaited<ReturnType<typeof repo.listAuthorizations>>[number]) => ({
  id: a.id, signerRole: a.signer_role, signerName: a.signer_name, signedOn: a.signed_on, noLegalSupporter: a.no_legal_supporter, note: a.note, recordedBy: a.recorded_by,
});

/** The signer's name and ID number: a member of the household chosen by id, or typed (a supporter outside it). */
async function signerOf(db: Database, h: { county_code: string; id: number }, input: z.output<typeof authorizationSchema>): Promise<{ name: string; idNumber: string }> {
  if (input.signerMemberId !== undefined) {
    if (input.signerName !== undefined || input.signerIdNumber !== undefined) throw AppError.field('signerMemberId', '已选择家庭成员作为签署人，无需再填写姓名和身份证号码');
    const m = await db.kysely.selectFrom('members').select(['name', 'id_number']).where('county_code', '=', h.county_code).where('household_id', '=', h.id).where('id', '=', input.signerMemberId).executeTakeFirst();
    if (!m) throw AppError.field('signerMemberId', '签署人不是该家庭登记的成员');
    return { name: m.name, idNumber: m.id_number };
  }
  if (input.signerName === undefined) throw AppError.field('signerName', '请选择签署的家庭成员，或填写签署人姓名');
  if (input.signerIdNumber === undefined) throw AppError.field('signerIdNumber', '请填写签署人公民身份号码');
  return { name: input.signerName, idNumber: input.signerIdNumber.toUpperCase() };
}

/** Records the signed authorization (授权书) of the household or of a legal supporter. */
export async function recordAuthorization(db: Database, scope: Scope, input: z.output<typeof authorizationSchema>) {
  allow(scope, 'verification.request');
  const h = await householdOf(db, scope, input.householdNo);
  if (input.signedOn > todayInChina()) throw AppError.field('signedOn', `签署日期 ${input.signedOn} 不能晚于今天`);
  const signer = await signerOf(db, h, input);
  return write(db, scope, async (tx) => {
    const row = await tx.insertInto('verification_authorizations').values({
      county_code: h.county_code, household_id: h.id, signer_role: input.signerRole, signer_name: signer.name, signer_id_number: signer.idNumber,
      signed_on: input.signedOn, no_legal_supporter: input.noLegalSupporter, note: input.note, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'verification.authorization', entity: 'household', entityId: input.householdNo, areaCode: h.village_code, after: { signerRole: input.signerRole, signedOn: input.signedOn, noLegalSupporter: input.noLegalSupporter } });
    return { id: Number(row.id), householdNo: input.householdNo };
  });
}

export async function authorizations(db: Database, scope: Scope, householdNo: string) {
  allow(scope, 'verification.read');
  const h = await householdOf(db, scope, householdNo);
  return { householdNo, items: (await repo.listAuthorizations(db.kysely, h.county_code, h.id)).map(authView) };
}

/** Why a request may not go ahead (null: authorized): the household's signature, and for 特困 the legal supporters'. */
export function authorizationRefusal(programme: string, auths: readonly { signer_role: string; no_legal_supporter: boolean }[]): string | null {
  const household = auths.filter((a) => a.signer_role === 'household');
  if (household.length === 0) return '未登记家庭的核对授权书：须由申请家庭成员签署授权后才能发起家庭经济状况核对';
  const p = programmeOf(programme);
  if (p.verification?.supporters && !auths.some((a) => a.signer_role === 'supporter') && !household.some((a) => a.no_legal_supporter)) {
    return `${p.labels['zh-CN'].name}申请须同时登记法定赡养、抚养、扶养义务人的核对授权书（无义务人的，在家庭授权中注明）`;
  }
  return null;
}

export const requestSchema = z.strictObject({ date: isoDate.optional() });

export async function requestVerification(db: Database, scope: Scope, caseNo: string, input: z.output<typeof requestSchema>) {
  allow(scope, 'verification.request');
  const c = await mustFindCase(db, scope, caseNo);
  if (c.phase === 'terminal' || c.phase === 'granted') throw AppError.conflict('case_closed', `案件 ${caseNo} 已办结，不能发起核对`);
  const today = todayInChina();
  const on = input.date ?? today;
  if (on > today) throw AppError.field('date', `核对日期 ${on} 不能晚于今天 ${today}`);
  if (on < c.applied_on) throw AppError.field('date', `核对日期 ${on} 不能早于申请日期 ${c.applied_on}`);
  const refusal = authorizationRefusal(c.programme, await repo.listAuthorizations(db.kysely, c.county_code, c.household_id));
  if (refusal) throw AppError.conflict('authorization_required', refusal, { caseNo });
  const limits = await countyLimits(db, [c.county_code], on);
  const snaps = (await latestSnapshots(db.kysely)).map((s) => s.id);
  return write(db, scope, async (tx) => {
    const persons = Number((await tx.selectFrom('members').select((eb) => eb.fn.countAll().as('n')).where('county_code', '=', c.county_code).where('household_id', '=', c.household_id).executeTakeFirst())?.n ?? 0);
    const req = await repo.insertRequest(tx, { county: c.county_code, caseId: c.id, householdId: c.household_id, areaCode: c.area_code, on, by: scope.userName, persons, snapshots: snaps });
    const counts = await runMatch(tx, {
      target: sql`c.county_code = ${c.county_code} and c.id = ${c.id}`, kind: 'application', asOf: on, by: scope.userName, limits, rescreenId: null, requestId: { county: c.county_code, id: req.id },
    });
    await appendAudit(tx, scope, { action: 'verification.request', entity: 'case', entityId: caseNo, areaCode: c.area_code, after: { requestNo: req.requestNo, persons, findings: counts.findings, favouritism: counts.favouritism } });
    return { requestNo: req.requestNo, caseNo, persons, findings: counts.findings, favouritism: counts.favouritism };
  });
}

type FindingRow = Awaited<ReturnType<typeof repo.findingsOfCase>>[number];
export function findingView(f: FindingRow) {
  const def = SOURCE_DEFINITIONS[f.source as Source];
  const item = def?.items[f.item];
  return {
    id: f.id, source: f.source, sourceLabel: def?.label ?? f.source, item: f.item, itemLabel: item?.label ?? f.item, unit: item?.unit ?? 'none',
    idNumber: f.id_number, personName: f.person_name, match: f.match, amount: f.amount, eventDate: f.event_date, detail: f.detail,
    officialName: f.official_name, relation: f.relation, relationLabel: f.relation ? (RELATION_LABELS[f.relation as Relation] ?? f.relation) : null,
    breaksLimit: f.breaks_limit, limitNote: f.limit_note, resolution: f.resolution, note: f.note, resolvedBy: f.resolved_by, resolvedOn: f.resolved_on,
  };
}

/** The case's verification: authorizations, every request with its findings, and whether a new one may be made. */
export async function caseVerification(db: Database, scope: Scope, caseNo: string) {
  allow(scope, 'verification.read');
  const c = await mustFindCase(db, scope, caseNo);
  const [auths, requests, findings] = await Promise.all([
    repo.listAuthorizations(db.kysely, c.county_code, c.household_id), repo.requestsOfCase(db.kysely, c.county_code, c.id), repo.findingsOfCase(db.kysely, c.county_code, c.id),
  ]);
  const refusal = authorizationRefusal(c.programme, auths);
  // The members who may sign the household's authorization, masked (the form picks one by id).
  const members = await db.kysely.selectFrom('members').select(['id', 'name', 'id_number', 'relation']).where('county_code', '=', c.county_code).where('household_id', '=', c.household_id).orderBy('id').execute();
  const householdSize = members.length;
  return {
    caseNo, programme: c.programme, state: c.state, flags: c.flags,
    members: members.map((m) => ({ memberId: Number(m.id), name: m.name, idNumber: maskIdNumber(m.id_number), relation: m.relation })),
    authorizations: auths.map(authView),
    authorizationMissing: refusal,
    requests: requests.map((r) => {
      const own = findings.filter((f) => f.request_id === r.id);
      return {
        // A rescreen request covers a county: the case's share of it is its household.
        requestNo: r.request_no, kind: r.kind, requestedOn: r.requested_on, requestedBy: r.requested_by, persons: r.case_id === null ? householdSize : r.persons,
        unresolvedBreaking: own.filter((f) => f.breaks_limit && f.resolution === null).length,
        confirmedBreaking: own.filter((f) => f.breaks_limit && f.resolution === 'confirmed').length,
        findings: own.map(findingView),
      };
    }),
  };
}

export const resolveSchema = z.strictObject({
  resolution: z.enum(['confirmed', 'explained', 'false_match'], { message: '处理结果应为 confirmed（属实）、explained（已作说明）或 false_match（误匹配）' }),
  note: z.string().trim().min(4, '处理说明至少4个字').max(1000),
  date: isoDate.optional(),
});

export async function resolveFinding(db: Database, scope: Scope, id: number, input: z.output<typeof resolveSchema>) {
  allow(scope, 'verification.resolve');
  const f = await repo.findFinding(db.kysely, scope, id);
  if (!f) throw AppError.notFound('核对发现', String(id));
  if (f.resolution !== null) throw AppError.conflict('already_resolved', `核对发现 ${id} 已于 ${f.resolved_on ?? ''} 处理为「${f.resolution}」`);
  const on = input.date ?? todayInChina();
  return write(db, scope, async (tx) => {
    await repo.resolveFinding(tx, f.county_code, id, { resolution: input.resolution, note: input.note, by: scope.userName, on });
    await appendAudit(tx, scope, { action: 'verification.resolve', entity: 'verification_finding', entityId: String(id), areaCode: f.area_code, before: { resolution: null }, after: { resolution: input.resolution, note: input.note, caseNo: f.case_no } });
    return { id, caseNo: f.case_no, resolution: input.resolution };
  });
}
