// Generated partner data for tests: noise records of persons who are not in the registry, and planted
// hits on chosen members; the planted set is what matching must find, exactly.
import { makeIdNumber } from '../../kernel/id-number.ts';
import type { RawRecord } from './domain/records.ts';
import type { Source } from './domain/sources.ts';

export interface Planted {
  idNumber: string;
  source: Source;
  item: string;
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid ID numbers of persons outside the registry (area prefix 522732, 三都县 codes are not used by tests). */
export function noiseIdNumbers(n: number, seed: number): string[] {
  const r = random(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const year = 1930 + Math.floor(r() * 80);
    const day = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    out.add(makeIdNumber('522799', day, Math.floor(r() * 999), r() < 0.5 ? 'male' : 'female'));
  }
  return [...out];
}

/** Noise records of one source (the item and amount the source takes). */
export function noiseRecords(source: Source, n: number, seed: number): RawRecord[] {
  const item: Record<Source, string> = {
    hukou: 'death', tax: 'income', social_insurance: 'pension', real_estate: 'house', business: 'sole_trader', provident_fund: 'contribution', vehicles: 'car',
    bank_deposits: 'deposit', commercial_insurance: 'policy', securities: 'securities', civil_servants: 'staff', village_cadres: 'cadre',
  };
  return noiseIdNumbers(n, seed).map((id, i) => source === 'civil_servants' || source === 'village_cadres'
    ? { officialIdNumber: id, officialName: '王干部', areaCode: '522701001001', relation: 'self', idNumber: id, name: '王干部' }
    : { idNumber: id, name: `噪声${i}`, item: item[source], amount: source === 'vehicles' || source === 'hukou' ? null : 1000 + i, eventDate: source === 'hukou' ? '2020-01-01' : null });
}
