// 甄别 and the decision (办法 第五至七条, 实施细则 第五至十条; 工作规程): a record of a person met in street
// outreach, walking in, brought by the police or referred. Rules, each answered 400 naming the field:
// - a refusal (不愿受助) keeps only the date, place, sex, approximate age and the refusal (PIPL minimum data):
//   name, ID number, birth date, hukou place, description and the screening findings are refused;
// - otherwise the screening is complete (identity, health, mental illness, infectious disease), the person
//   has a name or a description (无名氏), and an age (birth date, ID number or approximate age);
// - an ID number is checked (GB 11643) and must agree with the sex and birth date given;
// - a minor (under 18 on the day met, or flagged) cannot refuse and is not simply accepted: the decision is
//   the protection centre (or hospital first); the protection centre is for minors only;
// - suspected or diagnosed mental illness or an infectious disease: the decision is sending for treatment.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import type { newRecordSchema } from '../contract/records.ts';
import { allow } from '../permissions.ts';
import { insertRecord, institutionOf } from '../repo/records.ts';
import { managedCounty } from './access.ts';
import { ageOn } from './stay.ts';

/** Record numbers: LQ (流浪乞讨) + county + year met + 6 digits. */
export const RECORD_PREFIX = 'LQ';

export type NewRecordInput = z.output<typeof newRecordSchema>;

/** Fields a refusal must not carry: only date, place, sex, approximate age and the refusal are kept. */
const NOT_KEPT_ON_REFUSAL = ['name', 'description', 'idNumber', 'birthDate', 'hukouPlace', 'identityStatus', 'health', 'mentalIllness', 'infectiousDisease'] as const;

const invalid = (fields: FieldError[]) => AppError.fields(fields);

export interface Screened { birthDate: string | null; minor: boolean }

/** Checks a screening against the rules above; returns the birth date (from the ID number when not given) and whether the person is a minor. */
export function checkScreening(input: NewRecordInput, today: string): Screened {
  const errors: FieldError[] = [];
  if (input.metOn > today) errors.push({ field: 'metOn', message: `发现日期不能晚于今天 ${today}` });
  if (input.decidedOn < input.metOn) errors.push({ field: 'decidedOn', message: `处置日期不能早于发现日期 ${input.metOn}` });
  if (input.decidedOn > today) errors.push({ field: 'decidedOn', message: `处置日期不能晚于今天 ${today}` });
  if (input.decision === 'refused') {
    const kept = NOT_KEPT_ON_REFUSAL.filter((f) => input[f] !== undefined);
    if (kept.length > 0) {
      throw new AppError('relief_station_refusal_data', `不愿受助人员只登记日期、地点、性别、大致年龄：请勿登记 ${kept.join('、')}`, 400,
        { fields: kept.map((field) => ({ field, message: '不愿受助人员不登记此项（个人信息最小化）' })) });
    }
    if (input.approxAge === undefined) errors.push({ field: 'approxAge', message: '请填写大致年龄' });
    else if (input.approxAge < 18 || input.minor === true) errors.push({ field: 'decision', message: '未成年人不能按不愿受助处理，应护送至未成年人救助保护中心' });
    if (errors.length > 0) throw invalid(errors);
    return { birthDate: null, minor: false };
  }
  for (const f of ['identityStatus', 'health', 'mentalIllness', 'infectiousDisease'] as const) {
    if (input[f] === undefined) errors.push({ field: f, message: '请完成甄别：身份、健康、精神状况、传染病' });
  }
  if (input.name === undefined && input.description === undefined) errors.push({ field: 'description', message: '姓名不详（无名氏）时请描述体貌特征' });
  let birthDate = input.birthDate ?? null;
  if (input.idNumber !== undefined) {
    const id = parseIdNumber(input.idNumber, { today });
    if (id.ok) {
      if (id.sex !== input.sex) errors.push({ field: 'sex', message: '性别与身份证号码不符' });
      if (birthDate !== null && birthDate !== id.birthDate) errors.push({ field: 'birthDate', message: `出生日期与身份证号码不符（${id.birthDate}）` });
      birthDate = id.birthDate;
    }
  }
  if (birthDate !== null && birthDate > input.metOn) errors.push({ field: 'birthDate', message: '出生日期不能晚于发现日期' });
  if (birthDate === null && input.approxAge === undefined) errors.push({ field: 'approxAge', message: '请填写出生日期、身份证号码或大致年龄' });
  const age = birthDate !== null ? ageOn(birthDate, input.metOn) : input.approxAge;
  const minor = input.minor === true || (age !== undefined && age < 18);
  if (minor && input.decision !== 'minor_to_protection_centre' && input.decision !== 'sent_to_hospital') {
    errors.push({ field: 'decision', message: '未成年人应护送至未成年人救助保护中心（患病、受伤的先送医救治）' });
  }
  if (!minor && input.decision === 'minor_to_protection_centre') errors.push({ field: 'decision', message: '转未成年人救助保护中心仅适用于未成年人' });
  const needsTreatment = input.infectiousDisease === true || (input.mentalIllness !== undefined && input.mentalIllness !== 'none');
  if (needsTreatment && input.decision !== 'sent_to_hospital') errors.push({ field: 'decision', message: '疑似或确诊精神障碍、患传染病的求助人员应送医救治' });
  if (errors.length > 0) throw invalid(errors);
  return { birthDate, minor };
}

export async function createRecord(db: Database, scope: Scope, input: NewRecordInput): Promise<string> {
  allow(scope, 'relief_station.manage');
  const county = await managedCounty(db, scope, input.countyCode);
  // A record is kept at a relief station (救助管理站) of the register; another kind of institution is refused.
  const station = await institutionOf(db.kysely, county, input.stationId);
  if (!station) throw AppError.field('stationId', `救助管理站 ${input.stationId} 不存在或不在管辖范围内`);
  if (station.kind !== 'relief_station') throw AppError.field('stationId', `「${station.name}」不是救助管理站`);
  const s = checkScreening(input, todayInChina());
  const refused = input.decision === 'refused';
  return write(db, scope, async (tx) => {
    const recordNo = await nextSerialNo(tx, RECORD_PREFIX, county, input.metOn.slice(0, 4));
    await insertRecord(tx, {
      county_code: county, record_no: recordNo, institution_id: station.id, source: input.source, met_on: input.metOn, place: input.place, sex: input.sex,
      approx_age: input.approxAge ?? null, birth_date: s.birthDate, name: input.name ?? null, description: input.description ?? null,
      id_number: input.idNumber?.toUpperCase() ?? null, hukou_place: input.hukouPlace ?? null, identity_status: input.identityStatus ?? null,
      health: input.health ?? null, mental_illness: input.mentalIllness ?? null, infectious_disease: input.infectiousDisease ?? null,
      minor: s.minor, decision: input.decision, decided_on: input.decidedOn, status: refused ? 'refused' : 'screened', recorded_by: scope.userName,
    });
    const after = { ...input, idNumber: input.idNumber === undefined ? undefined : maskIdNumber(input.idNumber), minor: s.minor, stationName: station.name };
    await appendAudit(tx, scope, { action: 'relief_station.record.create', entity: 'relief_station_record', entityId: recordNo, areaCode: county, after });
    return recordNo;
  });
}
