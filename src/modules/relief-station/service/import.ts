// Screening records in bulk (a station's ledger of the year brought in at once, e.g. by the scenario loader):
// every record checked as `createRecord` checks one — a bad one refuses the lot, naming it `rows.N.field` —
// then in one transaction the record numbers taken as a block per year and the rows inserted in chunks, with
// one audit entry for the lot (identity numbers never in it).
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { nextSerialBlock } from '../../../kernel/serials.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { newRecordSchema } from '../contract/records.ts';
import { allow } from '../permissions.ts';
import { insertRecords, institutionOf, type NewRecord } from '../repo/records.ts';
import { managedCounty } from './access.ts';
import { checkScreening, RECORD_PREFIX, type NewRecordInput } from './screening.ts';

const CHUNK = 1_000;

/** Records of one county (each `countyCode` must be it), all or none; returns how many were written. */
export async function importRecords(db: Database, scope: Scope, countyCode: string, inputs: readonly unknown[]): Promise<number> {
  allow(scope, 'relief_station.manage');
  const county = await managedCounty(db, scope, countyCode);
  const today = todayInChina();
  const stations = new Map<number, Awaited<ReturnType<typeof institutionOf>>>();
  const rows: Omit<NewRecord, 'record_no'>[] = [];
  for (const [i, raw] of inputs.entries()) {
    const at = `rows.${i + 1}`;
    try {
      const input: NewRecordInput = parseOrThrow(newRecordSchema, raw);
      if (input.countyCode !== county) throw AppError.field('countyCode', `应为 ${county}`);
      if (!stations.has(input.stationId)) stations.set(input.stationId, await institutionOf(db.kysely, county, input.stationId));
      const station = stations.get(input.stationId);
      if (!station) throw AppError.field('stationId', `救助管理站 ${input.stationId} 不存在或不在管辖范围内`);
      if (station.kind !== 'relief_station') throw AppError.field('stationId', `「${station.name}」不是救助管理站`);
      const s = checkScreening(input, today);
      rows.push({
        county_code: county, institution_id: station.id, source: input.source, met_on: input.metOn, place: input.place, sex: input.sex,
        approx_age: input.approxAge ?? null, birth_date: s.birthDate, name: input.name ?? null, description: input.description ?? null,
        id_number: input.idNumber?.toUpperCase() ?? null, hukou_place: input.hukouPlace ?? null, identity_status: input.identityStatus ?? null,
        health: input.health ?? null, mental_illness: input.mentalIllness ?? null, infectious_disease: input.infectiousDisease ?? null,
        minor: s.minor, decision: input.decision, decided_on: input.decidedOn, status: input.decision === 'refused' ? 'refused' : 'screened', recorded_by: scope.userName,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const fields = (e.details?.fields as FieldError[] | undefined) ?? [{ field: '(input)', message: e.message }];
      throw new AppError('validation_failed', `第 ${i + 1} 条：${e.message}`, 400, { fields: fields.map((f) => ({ field: `${at}.${f.field}`, message: f.message })) });
    }
  }
  if (rows.length === 0) return 0;
  return write(db, scope, async (tx) => {
    const years = [...new Set(rows.map((r) => r.met_on.slice(0, 4)))];
    const numbers = new Map<string, string[]>();
    for (const y of years) numbers.set(y, await nextSerialBlock(tx, RECORD_PREFIX, county, y, rows.filter((r) => r.met_on.slice(0, 4) === y).length));
    const numbered = rows.map((r) => ({ ...r, record_no: numbers.get(r.met_on.slice(0, 4))!.shift()! }));
    for (let i = 0; i < numbered.length; i += CHUNK) await insertRecords(tx, numbered.slice(i, i + CHUNK));
    await appendAudit(tx, scope, {
      action: 'relief_station.record.import', entity: 'relief_station_record', entityId: `${county}:${numbered.length}`, areaCode: county,
      after: { records: numbered.length, refused: numbered.filter((r) => r.status === 'refused').length, from: numbered[0]!.record_no, to: numbered.at(-1)!.record_no },
    });
    return numbered.length;
  });
}
