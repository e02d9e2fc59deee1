// Occupancy and figures on a hand-built set: one home of 10 beds in 都匀市 (besides the two demo homes of
// 120 and 60 beds, empty) with three stays, and six 特困 persons whose support changes between the ends
// of 2014 and 2015. Every number below is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { onFixedDate } from '../../test/clock.ts';
import { ENGINE } from '../../test/db.ts';
import { tokenFor, useTestApp } from '../../test/http.ts';
import { stepper } from '../cases/testing.ts';
import type { InstitutionOccupancy, Occupancy, PlacementFigures } from './contract.ts';
import { hardshipCase, hardshipEntitlement, insertStay } from './testing.ts';

describe(`bed use and 集中供养率 by hand (${ENGINE})`, () => {
  const today = onFixedDate('2026-06-15');
  const t = useTestApp();

  it('computes the daily and yearly bed-use rate, the lowest county and the 集中供养率 change in points', async () => {
    const township = await tokenFor(t.built, 'guanghui.caseworker');
    const county = await tokenFor(t.built, 'duyun.approver');
    const admin = await tokenFor(t.built, 'qiannan.admin');
    const call = stepper(t.built).call;
    const home = ((await call('POST', '/institutions', county, { countyCode: '522701', name: '十床敬老院', beds: 10 })).json() as { id: number }).id;

    const c = [];
    for (let i = 0; i < 6; i++) c.push(await hardshipCase(t.db, t.built, township));
    // 2014-12: c0 (institutional), c1, c2, c3 in support → 1 of 4 = 25%.
    // 2015-12: c0 (institutional), c2, c3, c4 (institutional), c5; c1 exited → 2 of 5 = 40%: +15 points.
    await hardshipEntitlement(t.db, c[0]!.caseId, { month: '2014-01', institutional: true });
    await hardshipEntitlement(t.db, c[1]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[1]!.caseId, { month: '2015-06', exit: true });
    await hardshipEntitlement(t.db, c[2]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[3]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[4]!.caseId, { month: '2015-03', institutional: true });
    await hardshipEntitlement(t.db, c[5]!.caseId, { month: '2015-05' });

    // Stays: A from 2015-03-01, still in; B 2015-03-10 to 2015-03-20; C 2014-12-25 to 2015-03-05 (the day out not counted).
    await insertStay(t.db, c[0]!, home, '2015-03-01', null);
    await insertStay(t.db, c[4]!, home, '2015-03-10', '2015-03-20');
    await insertStay(t.db, c[2]!, home, '2014-12-25', '2015-03-05');

    // March: A 31 days, B 10 (10th–19th), C 4 (1st–4th) = 45 person-days of 10 × 31 = 310 bed-days → 0.1452.
    const march = (await call('GET', `/placements/occupancy?institution=${home}&from=2015-03-01&to=2015-03-31`, township)).json() as Occupancy;
    expect(march).toMatchObject({ personDays: 45, bedDays: 310, rate: 0.1452, averageResidents: 1.45 });
    const day = (d: string) => march.days.find((x) => x.day === d);
    expect(day('2015-03-01')).toMatchObject({ residents: 2, beds: 10, rate: 0.2 });
    expect(day('2015-03-05')).toMatchObject({ residents: 1, rate: 0.1 });
    expect(day('2015-03-10')).toMatchObject({ residents: 2 });
    expect(day('2015-03-20')).toMatchObject({ residents: 1 });
    expect(march.days).toHaveLength(31);
    // A period running past today counts only the days up to today: A is still in, so every counted day has 1 resident of 10 beds.
    const future = (await call('GET', `/placements/occupancy?institution=${home}&from=${today.slice(0, 8)}01&to=${today.slice(0, 4)}-12-31`, township)).json() as Occupancy;
    expect(future.days.at(-1)?.day).toBe(today);
    expect(future.bedDays).toBe(10 * future.days.length);
    expect(future.rate).toBe(0.1);

    const homes = (await call('GET', '/placements/institutions?area=522701&asOf=2015-03-15', township)).json() as InstitutionOccupancy;
    expect(homes.items.find((h) => h.id === home)).toMatchObject({ beds: 10, residents: 2, pending: 0, rate: 0.2 });
    expect(homes.items.every((h) => h.countyCode === '522701')).toBe(true);

    // 2015 in 都匀市: beds 120 + 60 + 10 = 190; person-days A 306 (Mar 1–Dec 31) + B 10 + C 63 (Jan 1–Mar 4) = 379;
    // bed-days 190 × 365 = 69350 → 379 / 69350 = 0.5465% → 0.55. At year end one resident (A).
    const f = (await call('GET', '/placements/figures?area=522701&year=2015', county)).json() as PlacementFigures;
    expect(f.counties).toHaveLength(1);
    expect(f.counties[0]).toMatchObject({
      countyCode: '522701', institutions: 3, beds: 190, residentsYearEnd: 1, personDays: 379, bedDays: 69350, bedUseRatePercent: 0.55,
      hardshipPersons: 5, institutionalPersons: 2, institutionalRatePercent: 40, previousInstitutionalRatePercent: 25, institutionalRateChangePoints: 15,
    });
    expect(f.lowest).toMatchObject({ countyCode: '522701', bedUseRatePercent: 0.55 });

    // The prefecture: the other counties' homes are empty (0%), so the lowest is one of them; the total adds them.
    const all = (await call('GET', '/placements/figures?area=522700&year=2015', admin)).json() as PlacementFigures;
    expect(all.counties.length).toBeGreaterThan(10);
    expect(all.lowest?.bedUseRatePercent).toBe(0);
    expect(all.lowest?.countyCode).not.toBe('522701');
    expect(all.total).toMatchObject({ personDays: 379, hardshipPersons: 5, institutionalRatePercent: 40, institutionalRateChangePoints: 15 });
    // The same numbers in the institution figures (the placements' part, `extra`): rates as fractions.
    const inst = (await call('GET', '/institutions/figures?area=522701&year=2015', county)).json() as { rows: { extra: object }[]; total: { extra: object } };
    const values = { bedUseRate: 0.0055, residents: 1, institutionalRate: 0.4, institutionalRateChangePoints: 15 };
    expect(inst.rows[0]!.extra).toEqual(values);
    expect(inst.total.extra).toEqual({ ...values, lowestBedUseRate: 0.0055 });
    const instAll = (await call('GET', '/institutions/figures?area=522700&year=2015', admin)).json() as { rows: { countyCode: string; extra: Record<string, number | null> }[]; total: { extra: Record<string, number | null> } };
    expect(instAll.total.extra).toMatchObject({ institutionalRate: 0.4, institutionalRateChangePoints: 15, lowestBedUseRate: 0 });
    expect(instAll.rows.find((r) => r.countyCode === '522701')!.extra).toEqual(values);

    // A township reads its county's figures, not the prefecture's.
    expect((await call('GET', '/placements/figures?area=522701&year=2015', township)).statusCode).toBe(200);
    expect((await call('GET', '/placements/figures?area=522700&year=2015', township)).statusCode).toBe(404);
  });
});
