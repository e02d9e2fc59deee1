// Yearly figures by county (the seed: "慈善组织117个、志愿服务组织60余个…志愿服务队伍1400余支，注册人员13万余人"):
// active organisations by kind and their teams as registered now, volunteers registered by the end of the
// year, and the confirmed service of the year (records, minutes, hours, volunteers who served). Unconfirmed
// records are not counted. Counties of the area the caller sees; a township or village user gets its county.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { levelOf, prefixOf } from '../../../kernel/areas.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, covers, inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { figuresQuery } from '../contract/figures.ts';
import { allow } from '../permissions.ts';
import { countyFigures, type FigureRow } from '../repo/service.ts';

type Counts = Omit<FigureRow, 'county_code' | 'county_name'>;
const KEYS = ['charities', 'volunteer_orgs', 'social_work', 'other_orgs', 'teams', 'volunteers', 'records', 'minutes', 'serving_volunteers'] as const;

const figuresOf = (r: Counts) => ({
  charities: r.charities, volunteerOrgs: r.volunteer_orgs, socialWork: r.social_work, otherOrgs: r.other_orgs,
  organisations: r.charities + r.volunteer_orgs + r.social_work + r.other_orgs, teams: r.teams, volunteers: r.volunteers,
  records: r.records, minutes: r.minutes, hours: Math.round((r.minutes / 60) * 100) / 100, servingVolunteers: r.serving_volunteers,
});

export async function volunteerFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'volunteers.read');
  const code = q.area ?? (scope.kind === 'staff' || scope.kind === 'partner' ? scope.areaCode.slice(0, 6) : '');
  if (code === '' || levelOf(code) === 'township' || levelOf(code) === 'village') throw AppError.field('area', '请指定县（市、区）或州（市）');
  const name = (await namesOf(db.kysely, [code])).get(code);
  if (name === undefined || !(covers(scope, code) || (scope.kind !== 'citizen' && scope.prefix.startsWith(prefixOf(code))))) throw areaFieldError('area', code);
  const rows = await countyFigures(db.kysely, visibleCounties(scope, 'c.county_code'), inArea(code, 'c.county_code'), q.year);
  const total = Object.fromEntries(KEYS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Counts;
  return { area: code, areaName: name, year: q.year, items: rows.map((r) => ({ countyCode: r.county_code, countyName: r.county_name, ...figuresOf(r) })), total: figuresOf(total) };
}
