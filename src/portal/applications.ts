// Online applications (在线申请) for 低保, 特困 and 临时救助 (医疗救助: `apply-medical.ts`): the registry's facts to prefill the form,
// the application itself — an intake request with channel `online` at the household's township window,
// its case, the documents and the signed 核对 authorisation (stored as the intake request's documents), in one
// transaction — and the citizen's list.
import { z } from 'zod';
import type { Database } from '../db/engine.ts';
import { appendAudit } from '../kernel/audit/append.ts';
import { clock, todayInChina } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { systemScope, type CitizenScope, type SystemScope } from '../kernel/scope.ts';
import { householdNo } from '../kernel/types.ts';
import { citizenCases } from '../modules/cases/index.ts';
import { attachRequestDocuments, createRequest, withinTransaction } from '../modules/intake/index.ts';
import { citizenHouseholdRecord, householdFactsFromRegistry, RELATION_LABELS } from '../modules/registry/index.ts';
import { recordAuthorization } from '../modules/verification/index.ts';
import { databaseParameterSet } from '../modules/policy/index.ts';
import { ageOn, countedMembers, explain, perCapitaMonthlyIncome } from '../policy/index.ts';
import { isProgramme, programmeOf } from '../programmes/registry.ts';
import { checkedDocuments, checkedSignature, documentsSchema, signatureSchema } from '../kernel/files/documents.ts';
import type { PolicyCheckInput } from './policy-check.ts';
import { newApplicantSchema, newApplicantStates } from './new-applicant.ts';
import { checkedMedicalFacts, MEDICAL, medicalFactsSchema, medicalReferralPart, medicalStates } from './apply-medical.ts';

/** What a citizen may apply for online: those of the registry's programmes that exist (医疗救助 only for a registered household's member). */
export const APPLY_PROGRAMMES = ['dibao', 'hardship', 'temporary', MEDICAL].filter(isProgramme);

export const applicationSchema = z.strictObject({
  programme: z.string({ message: '请选择申请的救助项目' }).refine((p) => APPLY_PROGRAMMES.includes(p), '请选择申请的救助项目（低保、特困、临时救助或医疗救助）'),
  householdNo: householdNo.optional(),
  description: z.string({ message: '请说明家庭困难情况' }).trim().min(4, '请说明家庭困难情况（至少4个字）').max(1500, '困难情况说明过长（至多1500字）'),
  /** 临时救助 only: the kind of hardship and the months of the local standard asked for. */
  temporary: z.strictObject({
    kind: z.enum(['emergency', 'expenditure'], { message: '救助类型应为急难型或支出型' }),
    months: z.number({ message: '请填写申请救助的月数' }).int('月数应为整数').min(1, '月数至少为1').max(24, '月数过大'),
  }).optional(),
  /** 医疗救助 only: the episode's facts from the hospital's bill (the bills themselves among the documents). */
  medical: medicalFactsSchema.optional(),
  documents: documentsSchema,
  /** The 核对 authorisation signed on screen: a PNG data URL. */
  signature: signatureSchema,
  /** The citizen has read the authorisation and agrees to the verification of the household's economic situation. */
  authorised: z.literal(true, { message: '请阅读并同意家庭经济状况核对授权' }),
  /** A citizen with no household in the registry: the household facts, for the window to register it (`apply-new-applicant.ts`). */
  newApplicant: newApplicantSchema.optional(),
});
export type ApplicationInput = z.output<typeof applicationSchema>;

export const applicationResultSchema = z.object({
  requestNo: z.string(),
  programme: z.string(),
  programmeName: z.string(),
  receivedOn: z.string(),
  state: z.string(),
  documents: z.number().int(),
  signatureSha256: z.string(),
});
export const applicationListSchema = z.object({ items: z.array(applicationResultSchema.extend({ householdNo: z.string().nullable() })) });

const memberSchema = z.object({ name: z.string(), relation: z.string(), age: z.number().int(), situation: z.enum(['elderly', 'disabled', 'minor']).nullable() });
export const prefillSchema = z.object({
  applicant: z.object({ name: z.string().nullable(), idNumber: z.string() }),
  programmes: z.array(z.object({ code: z.string(), name: z.string() })),
  households: z.array(z.object({
    householdNo: z.string(),
    villageName: z.string(),
    members: z.array(memberSchema),
    /** The policy check's answers as the registry knows them (its form may be filled with them). */
    policyCheck: z.object({
      areaCode: z.string(), hukou: z.enum(['rural', 'urban']), householdSize: z.number().int(), monthlyIncomeYuan: z.number(), depositsYuan: z.number(),
      ownsCar: z.boolean(), ownsBusiness: z.boolean(), persons: z.array(z.object({ situation: z.enum(['elderly', 'disabled', 'minor']), noSupporter: z.boolean() })),
    }),
  })),
});

const ELDERLY_AGE = 60;
const ADULT_AGE = 18;
const SEVERE_GRADE = 2;

export const programmeName = (code: string) => programmeOf(code).labels['zh-CN'].name;

/** The household facts the registry holds for each of the citizen's households, personal data masked. */
export async function prefill(db: Database, citizen: CitizenScope): Promise<z.infer<typeof prefillSchema>> {
  const today = todayInChina();
  const params = await databaseParameterSet(db);
  const households = [];
  for (const no of citizen.households) {
    const found = await citizenHouseholdRecord(db, citizen, no);
    if (!found) continue;
    const facts = householdFactsFromRegistry(found.record);
    const members = found.record.members.map((m) => {
      const age = ageOn(m.birth_date, today);
      const situation = age >= ELDERLY_AGE ? 'elderly' as const
        : m.disability_grade !== null && m.disability_grade <= SEVERE_GRADE ? 'disabled' as const
          : age < ADULT_AGE ? 'minor' as const : null;
      return { name: maskName(m.name), relation: (RELATION_LABELS as Record<string, string>)[m.relation] ?? '其他', age, situation };
    });
    // The income the policy engine counts (excluded kinds left out, deductions taken) over the members it
    // counts, so that the policy check shown the same answers reproduces the engine's per-capita income.
    const counted = explain({ params, period: today }, facts.areaCode, (t) => {
      const members = countedMembers(t, facts);
      return { size: members.length, perCapita: perCapitaMonthlyIncome(t, facts, members) };
    }).value;
    const head = found.record.members.find((m) => m.relation === 'head') ?? found.record.members[0];
    const policyCheck: PolicyCheckInput = {
      areaCode: facts.areaCode, hukou: head?.hukou ?? 'rural', householdSize: Math.max(1, counted.size), monthlyIncomeYuan: (counted.perCapita * counted.size) / 100, depositsYuan: facts.assets.deposits / 100,
      ownsCar: facts.assets.vehicles.some((v) => v !== 'disability_mobility' && v !== 'farm_machine'), ownsBusiness: facts.assets.businessRegistered,
      persons: members.flatMap((m) => (m.situation ? [{ situation: m.situation, noSupporter: false }] : [])),
    };
    households.push({ householdNo: no, villageName: found.villageName, members, policyCheck });
  }
  return {
    applicant: { name: citizen.userName ? maskName(citizen.userName) : null, idNumber: maskIdNumber(citizen.idNumber) },
    // 医疗救助 answers a referral for a registered household's member: not offered to a new applicant
    programmes: APPLY_PROGRAMMES.filter((code) => households.length > 0 || code !== MEDICAL).map((code) => ({ code, name: programmeName(code) })),
    households,
  };
}

/** The portal acting for a citizen at their township's window: intake, cases and the authorisation only, audited under their masked ID. */
export function windowActor(citizen: CitizenScope, township: string): SystemScope {
  return { ...systemScope(maskIdNumber(citizen.idNumber), ['intake.write', 'cases.write', 'verification.request']), areaCode: township, areaLevel: 'township', prefix: township };
}

/** An application: checked whole before anything is written; then request, case, authorisation, files and audit in one transaction. */
export async function apply(db: Database, citizen: CitizenScope, input: ApplicationInput): Promise<z.infer<typeof applicationResultSchema>> {
  if (input.newApplicant) throw AppError.field('newApplicant', '您的家庭已在家庭信息库登记：请选择申请的家庭，无需填写家庭情况');
  if (!input.householdNo) {
    // (a citizen with no household applies as a new applicant: routes-apply.ts sends them to apply-new-applicant.ts)
    throw AppError.field('householdNo', '请选择申请的家庭');
  }
  if (input.programme === 'temporary' && !input.temporary) throw AppError.field('temporary.kind', '请选择临时救助类型');
  if (input.programme !== 'temporary' && input.temporary) throw AppError.field('temporary', '只有临时救助需要填写此项');
  if (input.programme !== MEDICAL && input.medical) throw AppError.field('medical', '只有医疗救助需要填写就医情况');
  const found = await citizenHouseholdRecord(db, citizen, input.householdNo);
  if (!found) throw AppError.notFound('家庭', input.householdNo);
  const documents = checkedDocuments(input.documents);
  const signature = checkedSignature(input.signature);
  const applicant = found.record.members.find((m) => m.id_number === citizen.idNumber);
  if (!applicant) throw AppError.notFound('家庭', input.householdNo);
  // 医疗救助: the window refers a medical need to 医保, which records the claim answering it.
  const medical = input.programme === MEDICAL ? checkedMedicalFacts(input.medical, documents.length) : null;

  const village = found.record.household.village_code;
  const actor = windowActor(citizen, village.slice(0, 9));
  const today = todayInChina();
  const summary = `（线上申请：上传材料 ${documents.length} 份；家庭经济状况核对授权书已在线签署，签名 SHA-256 ${signature.sha256}）`;
  return db.kysely.transaction().execute(async (tx) => {
    const inner = withinTransaction(db, tx);
    const made = await createRequest(inner, actor, {
      windowAreaCode: village.slice(0, 9), channel: 'online', receivedOn: today,
      person: { householdNo: input.householdNo ?? '', idNumber: citizen.idNumber },
      description: `${input.description}\n${summary}`,
      assessment: {
        householdSize: found.record.members.length, dependents: 0, structureNote: '', seriousIllness: applicant.serious_illness, disability: applicant.disability_kind !== null,
        healthNote: '', workCapacity: applicant.work_capacity, rigidExpenses: [], urgent: false, note: '居民线上申请，待窗口核实',
      },
      parts: [medical ? medicalReferralPart(medical) : {
        kind: 'case', programme: input.programme, staffRelative: false, cadreRelative: false, note: '',
        ...(input.temporary ? { details: { kind: input.temporary.kind, months: input.temporary.months, hardship: input.description, source: 'application' } } : {}),
      }],
    }).catch((err: unknown) => {
      throw portalField(err);
    });
    const caseNo = made.parts[0]?.kind === 'case' ? made.parts[0].caseNo : null;
    await recordAuthorization(inner, actor, {
      householdNo: input.householdNo ?? '', signerRole: 'household', signerName: applicant.name, signerIdNumber: applicant.id_number, signedOn: today,
      noLegalSupporter: false, note: `居民端在线签署（受理编号 ${made.requestNo}），签名图片 SHA-256 ${signature.sha256}`,
    });
    await tx.insertInto('portal_applications').values({
      id_number: citizen.idNumber, county_code: village.slice(0, 6), request_no: made.requestNo, case_no: caseNo, programme: input.programme,
      household_no: input.householdNo ?? null, received_on: made.receivedOn, signature_sha256: signature.sha256, document_count: documents.length, created_at: clock().now(),
    }).execute();
    await attachRequestDocuments(inner, actor, made.requestNo, documents, 'document');
    await attachRequestDocuments(inner, actor, made.requestNo, [signature], 'signature');
    await appendAudit(tx, { userId: null, userName: maskIdNumber(citizen.idNumber) }, {
      action: 'portal.apply', entity: 'intake_request', entityId: made.requestNo, areaCode: village,
      after: { programme: input.programme, caseNo, signatureSha256: signature.sha256, documents: documents.map((d) => ({ mediaType: d.mediaType, bytes: d.bytes.length, sha256: d.sha256 })) },
    });
    const state = caseNo ? (await caseStates(inner, citizen)).get(caseNo) : medical ? (await medicalStates(inner, [{ county_code: village.slice(0, 6), request_no: made.requestNo }])).get(made.requestNo) : undefined;
    return {
      requestNo: made.requestNo, programme: input.programme, programmeName: programmeName(input.programme), receivedOn: made.receivedOn,
      state: state ?? '已受理', documents: documents.length, signatureSha256: signature.sha256,
    };
  });
}

/** A refusal of the intake or the case, in the form's own words: `parts.0.details.months` → `temporary.months`. */
export function portalField(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.details?.fields) return err;
  const fields = err.details.fields.map((f) => ({
    field: f.field.replace(/^parts\.0\.details\.hardship$/, 'description').replace(/^parts\.0\.details\./, 'temporary.').replace(/^parts\.0\.programme$/, 'programme').replace(/^(person|parts)\..*$/, 'householdNo'),
    message: f.message,
  }));
  return new AppError(err.code, fields.map((f) => `${f.field}: ${f.message}`).join('；'), err.status, { ...err.details, fields });
}

/** Case number → its state's label, for the cases of the citizen's own households. */
async function caseStates(db: Database, citizen: CitizenScope): Promise<Map<string, string>> {
  return new Map((await citizenCases(db, citizen)).map((c) => [c.caseNo, c.stateLabel]));
}

/** The citizen's own applications (by them, for a household they still belong to), newest first. */
export async function myApplications(db: Database, citizen: CitizenScope): Promise<z.infer<typeof applicationListSchema>> {
  const rows = await db.kysely.selectFrom('portal_applications')
    .select(['county_code', 'request_no', 'case_no', 'programme', 'household_no', 'received_on', 'signature_sha256', 'document_count'])
    .where('id_number', '=', citizen.idNumber)
    // a new applicant's (no household when they applied) are theirs by ID number
    .where((eb) => (citizen.households.length === 0 ? eb('household_no', 'is', null) : eb.or([eb('household_no', 'in', [...citizen.households]), eb('household_no', 'is', null)])))
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const states = await caseStates(db, citizen);
  const pending = await newApplicantStates(db, rows.filter((r) => r.household_no === null));
  for (const [no, state] of await medicalStates(db, rows.filter((r) => r.programme === MEDICAL))) pending.set(no, state);
  return {
    items: rows.map((r) => ({
      requestNo: r.request_no, programme: r.programme, programmeName: programmeName(r.programme), receivedOn: r.received_on, householdNo: r.household_no,
      state: pending.get(r.request_no) ?? ((r.case_no && states.get(r.case_no)) || '已受理'), documents: r.document_count, signatureSha256: r.signature_sha256,
    })),
  };
}
