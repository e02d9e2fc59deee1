// 医疗救助 in the statistics: claims decided at the window (entitlements), episodes settled at the hospital
// and approved premium-subsidy lists add up per kind in the figures, the dashboard's KPIs and the annual
// report's sentence in the seed's form. Hand-built data in 福泉市 (522702); values computed by hand.
import JSZip from 'jszip';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, tokenFor, useTestApp } from '../../test/http.ts';
import type { FiguresResult } from '../stats/contract.ts';
import { addClaim, addHousehold, villagesOf } from '../stats/testing.ts';

describe(`医疗救助 figures (${ENGINE})`, () => {
  const t = useTestApp();

  it('counts claims, settlements and subsidies by kind, on the dashboard and in the report', async () => {
    const k = t.db.kysely;
    const [v] = (await villagesOf(k, '522702001', 1)) as [string];
    const h = await addHousehold(k, { village: v, hukou: 'rural', members: [{}, {}, {}] });
    const members = await k.selectFrom('members').select(['id', 'name', 'id_number']).where('household_id', '=', h).where('county_code', '=', '522702').orderBy('id').execute();
    // Window claims of 2016: an inpatient stay (2800 yuan) and an outpatient visit (500 yuan); one of 2015.
    await addClaim(k, h, v, 'medical', { month: '2016-03', amount: 280_000, persons: 1, summary: { inpatient_times: 1, inpatient_fen: 280_000, tilt_fen: 0 } });
    await addClaim(k, h, v, 'medical', { month: '2016-04', amount: 50_000, persons: 1, summary: { outpatient_times: 1, outpatient_fen: 50_000, tilt_fen: 0 } });
    await addClaim(k, h, v, 'medical', { month: '2015-04', amount: 70_000, persons: 1, summary: { outpatient_times: 1, outpatient_fen: 70_000, tilt_fen: 0 } });
    // Settled at the hospital: a 重特大 stay (10000 + 倾斜 2000 yuan) and an outpatient visit (300 yuan); a void claim episode counts nothing.
    const imp = (await sql<{ id: number }>`insert into medical_settlement_imports (county_code, import_no, file_name, rows, amount_fen, imported_by)
      values ('522702', 'JS5227022016000901', 'settle.xlsx', 2, 1230000, 'test') returning id`.execute(k)).rows[0]!.id;
    const episode = (m: { id: number; name: string; id_number: string }, e: { kind: string; critical: boolean; hospital: string; on: string; assistance: number; tilt: number }) => sql`
      insert into medical_episodes (county_code, source, import_id, row_no, area_code, household_id, member_id, name, id_number, "group", kind, critical, hospital,
        admitted_on, discharged_on, year, total_cost_fen, basic_insurance_fen, eligible_self_pay_fen, assistance_fen, tilt_fen, settled_on, status)
      values ('522702', 'settlement', ${imp}, 2, ${v}, ${h}, ${m.id}, ${m.name}, ${m.id_number}, 'dibao', ${e.kind}, ${e.critical}, ${e.hospital},
        ${e.on}, ${e.on}, 2016, 5000000, 2000000, 2000000, ${e.assistance}, ${e.tilt}, ${e.on}, 'paid')`.execute(k);
    await episode(members[0]!, { kind: 'inpatient', critical: true, hospital: '贵州医科大学附属医院', on: '2016-05-10', assistance: 1_000_000, tilt: 200_000 });
    await episode(members[1]!, { kind: 'outpatient', critical: false, hospital: '福泉市人民医院', on: '2016-06-02', assistance: 30_000, tilt: 0 });
    // The 2016 premium-subsidy list, approved: two persons of 150 yuan; a third excluded at review.
    const list = (await sql<{ id: number }>`insert into medical_subsidy_lists (county_code, list_no, year, as_of, status, persons, amount_fen, created_by, created_on)
      values ('522702', 'ZC5227022016000901', 2016, '2015-12-31', 'approved', 2, 30000, 'test', '2015-12-31') returning id`.execute(k)).rows[0]!.id;
    for (const [i, m] of members.entries()) {
      await sql`insert into medical_subsidy_entries (county_code, list_id, area_code, household_id, member_id, name, id_number, "group", basis_case_no, contribution_fen, subsidy_fen, excluded)
        values ('522702', ${list}, ${v}, ${h}, ${m.id}, ${m.name}, ${m.id_number}, 'dibao', 'DB5227022015000001', 15000, 15000, ${i === 2})`.execute(k);
    }

    const admin = await tokenFor(t.built, 'qiannan.admin');
    const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?area=522702&year=2016', headers: bearer(admin) });
    expect(res.statusCode, res.body).toBe(200);
    const medical = (res.json() as FiguresResult).programmes.find((p) => p.code === 'medical')!;
    const f = Object.fromEntries(medical.total.map((x) => [x.key, x.value]));
    expect(f).toMatchObject({
      subsidisedPersons: 2, subsidyAmount: 30_000, claimTimes: 2, settledTimes: 2, times: 4, claimAmount: 330_000, settledAmount: 1_230_000, amount: 1_560_000,
      outpatientTimes: 2, inpatientTimes: 1, criticalTimes: 1, tiltAmount: 200_000,
    });
    // The year before: one outpatient claim of 700 yuan.
    expect(medical.total.find((x) => x.key === 'amount')?.prev).toBe(70_000);
    expect(medical.kpis).toEqual(['subsidisedPersons', 'times', 'amount']);

    const doc = await t.built.app.inject({ method: 'GET', url: '/api/v1/stats/report.docx?area=522702&year=2016', headers: bearer(admin) });
    expect(doc.statusCode).toBe(200);
    const text = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('医疗救助支出0.03万元，资助2人参加城乡居民基本医疗保险；支出1.56万元，对4人次实施门诊救助、住院救助。');
  });
});
