import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../age.ts';
import { parseIdNumber } from '../../../../kernel/id-number.ts';
import { householdRecordSchema } from '../schemas.ts';
import type { HouseholdRecord } from '../types.ts';
import { generateDemoHouseholds } from './generate.ts';
import { qiannan2015StandardFenPerMonth, type DemoVillage } from './options.ts';
import { qiannanVillages } from './qiannan.fixture.ts';

const villages = qiannanVillages();
const REF = '2015-06-30';
const take = (n: number, seed: number | string, vs: readonly DemoVillage[] = villages): HouseholdRecord[] =>
  [...generateDemoHouseholds({ seed, count: n, villages: vs })];

/** Per-capita monthly income in fen, assistance excluded (as the dibao rules count it). */
function perCapitaMonthly(r: HouseholdRecord): number {
  let total = 0;
  for (const i of r.incomes) if (i.kind !== 'assistance') total += i.period === 'month' ? i.amountFen : i.amountFen / 12;
  return total / r.members.length;
}

describe('generateDemoHouseholds: determinism and shape', () => {
  it('gives identical output for the same seed and different output for another', () => {
    expect(take(300, 42)).toEqual(take(300, 42));
    expect(take(300, 'demo')).toEqual(take(300, 'demo'));
    expect(JSON.stringify(take(50, 42))).not.toEqual(JSON.stringify(take(50, 43)));
  });

  it('streams: the first records of a huge run come at once', () => {
    const it = generateDemoHouseholds({ seed: 1, count: 10_000_000, villages });
    const first = it.next();
    expect(first.done).toBe(false);
    it.return(undefined);
  });

  it('produces records that pass the registry schemas', () => {
    for (const r of take(2_000, 7)) {
      const parsed = householdRecordSchema.safeParse(r);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    }
  });

  it('gives residents of a functional zone numbers of the original county', () => {
    const zone: DemoVillage = { code: '522790100001', name: '绿茵湖社区居民委员会', countyCode: '522790', townshipName: '绿茵湖街道', urban: true };
    for (const r of take(50, 3, [zone])) {
      expect(r.household.householdNo.startsWith('522790')).toBe(true);
      for (const m of r.members) expect(m.idNumber.slice(0, 6)).toBe('522701');
    }
  });

  it('rejects impossible options', () => {
    expect(() => take(1, 1, [])).toThrow(RangeError);
    expect(() => take(-1, 1)).toThrow(RangeError);
  });
});

describe('generateDemoHouseholds: 20,000 households of 黔南州', () => {
  const N = 20_000;
  const s = { people: 0, urban: 0, rural: 0, povertyFile: 0, below: 0, near: 0, badIds: 0, badAges: 0, lbChild: 0, lbElder: 0, lbWoman: 0, elderly: 0 };
  const ids = new Set<string>();
  const householdNos = new Set<string>();
  const villagesUsed = new Set<string>();

  beforeAll(() => {
    for (const r of generateDemoHouseholds({ seed: 2015, count: N, villages })) {
      const h = r.household;
      householdNos.add(h.householdNo);
      villagesUsed.add(h.villageCode);
      if (h.hukou === 'urban') s.urban++; else s.rural++;
      if (h.povertyFile) s.povertyFile++;
      const standard = qiannan2015StandardFenPerMonth(h.countyCode, h.hukou);
      const pc = perCapitaMonthly(r);
      if (pc < standard) s.below++; else if (pc < 1.5 * standard) s.near++;
      const headAge = ageOn(r.members[0]?.birthDate ?? '', REF);
      for (const m of r.members) {
        s.people++;
        ids.add(m.idNumber);
        const parsed = parseIdNumber(m.idNumber);
        if (!parsed.ok || parsed.areaPrefix !== h.countyCode || parsed.birthDate !== m.birthDate || parsed.sex !== m.sex) s.badIds++;
        const age = ageOn(m.birthDate, REF);
        if (age < 0 || (m.relation === 'child' && headAge - age < 15) || (m.relation === 'parent' && age - headAge < 15)) s.badAges++;
        if (m.leftBehind === 'child') s.lbChild++;
        if (m.leftBehind === 'elder') s.lbElder++;
        if (m.leftBehind === 'woman') s.lbWoman++;
        if (m.categories.includes('elderly') !== age >= 60) s.badAges++;
      }
    }
  });

  it('gives every person a valid, unique ID number of the village county, matching sex and birth date', () => {
    expect(s.badIds).toBe(0);
    expect(ids.size).toBe(s.people);
    expect(householdNos.size).toBe(N);
  });

  it('has ages that fit the relations', () => expect(s.badAges).toBe(0));

  it('has realistic sizes, urban share and spread over villages', () => {
    expect(s.people / N).toBeGreaterThan(2.45);
    expect(s.people / N).toBeLessThan(2.8);
    expect(s.urban / N).toBeGreaterThan(0.22);
    expect(s.urban / N).toBeLessThan(0.28);
    expect(villagesUsed.size).toBeGreaterThan(1_400);
    expect(s.povertyFile / s.rural).toBeGreaterThan(0.12);
    expect(s.povertyFile / s.rural).toBeLessThan(0.18);
  });

  it('puts 20–30% of households below the dibao standard and 5–15% between 1× and 1.5×', () => {
    expect(s.below / N).toBeGreaterThan(0.2);
    expect(s.below / N).toBeLessThan(0.3);
    expect(s.near / N).toBeGreaterThan(0.05);
    expect(s.near / N).toBeLessThan(0.15);
  });

  it('has left-behind children, elders and women at plausible rates', () => {
    // 黔南 2015: about 1.9%, 1.1% and 0.5% of the population; assisted rural households have more.
    for (const [rate, min, max] of [[s.lbChild, 0.01, 0.04], [s.lbElder, 0.005, 0.03], [s.lbWoman, 0.003, 0.015]] as const) {
      expect(rate / s.people).toBeGreaterThan(min);
      expect(rate / s.people).toBeLessThan(max);
    }
  });
});
