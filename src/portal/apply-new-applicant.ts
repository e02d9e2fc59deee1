// An online application by a new applicant (not in the registry): an intake request at the village's
// township window with the person (name, ID number, phone) and a 待登记立案 part for the programme; the
// township registers the household and then opens the case from the part. Documents and the signature are
// stored as for any application, as the intake request's documents (the 核对 authorisation is recorded by the
// window once the household exists).
import type { z } from 'zod';
import type { Database } from '../db/engine.ts';
import { appendAudit } from '../kernel/audit/append.ts';
import { clock, todayInChina } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { maskIdNumber } from '../kernel/mask.ts';
import type { CitizenScope } from '../kernel/scope.ts';
import { checkedDocuments, checkedSignature } from '../kernel/files/documents.ts';
import { attachRequestDocuments, createRequest, withinTransaction } from '../modules/intake/index.ts';
import { portalField, programmeName, windowActor, type applicationResultSchema, type ApplicationInput } from './applications.ts';
import { checkedNewApplicant } from './new-applicant.ts';
import { MEDICAL } from './apply-medical.ts';

export const AWAITING_REGISTRATION = '待窗口登记家庭';

/** Checked whole before anything is written; then request, pending part, files and audit in one transaction. */
export async function applyAsNewApplicant(db: Database, citizen: CitizenScope, input: ApplicationInput): Promise<z.infer<typeof applicationResultSchema>> {
  if (!input.newApplicant) throw AppError.field('newApplicant', '您的家庭尚未在社会救助家庭信息库登记：请填写家庭情况（姓名、手机号码、所在村（社区）、家庭人口、家庭月收入）');
  if (input.programme === MEDICAL || input.medical) throw AppError.field('programme', '医疗救助须以已登记家庭的成员申请：请先申请低保、特困或临时救助，或到乡镇（街道）窗口登记家庭');
  if (input.programme === 'temporary' && !input.temporary) throw AppError.field('temporary.kind', '请选择临时救助类型');
  if (input.programme !== 'temporary' && input.temporary) throw AppError.field('temporary', '只有临时救助需要填写此项');
  const a = input.newApplicant;
  const checked = await checkedNewApplicant(db, a);
  const documents = checkedDocuments(input.documents);
  const signature = checkedSignature(input.signature);

  const actor = windowActor(citizen, checked.township);
  const today = todayInChina();
  const summary = `（线上申请：上传材料 ${documents.length} 份；家庭经济状况核对授权书已在线签署，签名 SHA-256 ${signature.sha256}）`;
  return db.kysely.transaction().execute(async (tx) => {
    const inner = withinTransaction(db, tx);
    const made = await createRequest(inner, actor, {
      windowAreaCode: checked.township, channel: 'online', receivedOn: today,
      person: { name: a.name, idNumber: citizen.idNumber, phone: a.phone },
      description: `${input.description}\n（${checked.facts}）\n${summary}`,
      assessment: {
        householdSize: a.householdSize, dependents: 0, structureNote: checked.structureNote, seriousIllness: false, disability: false,
        healthNote: '', workCapacity: 'full', rigidExpenses: [], urgent: false, note: '居民线上申请（未在家庭信息库登记），健康、劳动能力等情况待窗口核实',
      },
      parts: [{
        kind: 'pending_case', programme: input.programme, note: '',
        ...(input.temporary ? { details: { kind: input.temporary.kind, months: input.temporary.months, hardship: input.description, source: 'application' } } : {}),
      }],
    }).catch((err: unknown) => {
      throw portalField(err);
    });
    await tx.insertInto('portal_applications').values({
      id_number: citizen.idNumber, county_code: checked.township.slice(0, 6), request_no: made.requestNo, case_no: null, programme: input.programme,
      household_no: null, received_on: made.receivedOn, signature_sha256: signature.sha256, document_count: documents.length, created_at: clock().now(),
    }).execute();
    await attachRequestDocuments(inner, actor, made.requestNo, documents, 'document');
    await attachRequestDocuments(inner, actor, made.requestNo, [signature], 'signature');
    await appendAudit(tx, { userId: null, userName: maskIdNumber(citizen.idNumber) }, {
      action: 'portal.apply', entity: 'intake_request', entityId: made.requestNo, areaCode: checked.township,
      after: { programme: input.programme, newApplicant: true, villageCode: a.villageCode, signatureSha256: signature.sha256, documents: documents.map((d) => ({ mediaType: d.mediaType, bytes: d.bytes.length, sha256: d.sha256 })) },
    });
    return {
      requestNo: made.requestNo, programme: input.programme, programmeName: programmeName(input.programme), receivedOn: made.receivedOn,
      state: AWAITING_REGISTRATION, documents: documents.length, signatureSha256: signature.sha256,
    };
  });
}
