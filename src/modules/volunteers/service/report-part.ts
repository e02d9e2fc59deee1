// The volunteers' paragraph of the annual report's 社会力量参与 section, in the seed's words ("慈善组织117个、
// 志愿服务组织60余个…志愿服务队伍1400余支，注册人员13万余人"), from the volunteer figures: active organisations
// by kind and their teams as the register holds them now (it keeps no history), volunteers registered by the
// year's end, and the confirmed service of the year. A clause whose figure is zero is left out; nothing at all:
// no paragraph. County and prefecture reports only (the register is the county's; a township's report has none).
import { say } from '../../../programmes/stats.ts';
import { registerReportPart } from '../../stats/index.ts';
import { volunteerFigures } from './figures.ts';

export interface VolunteerCounts { charities: number; volunteerOrgs: number; socialWork: number; teams: number; volunteers: number; hours: number; servingVolunteers: number }

export function volunteersParagraph(year: number, place: string, f: VolunteerCounts): string | null {
  const orgs = ([[f.charities, '慈善组织'], [f.volunteerOrgs, '志愿服务组织'], [f.socialWork, '社会工作服务机构']] as const)
    .filter(([n]) => n > 0).map(([n, what]) => `${what}${n}个`);
  const register = [orgs.join('、'), f.teams > 0 ? `志愿服务队伍${f.teams}支` : '', f.volunteers > 0 ? `注册志愿者${say.wan(f.volunteers)}人` : ''].filter(Boolean);
  const served = f.hours > 0 ? `${register.length > 0 ? '全年' : place}${f.servingVolunteers}名志愿者参与志愿服务，经确认的服务时长${say.wan(f.hours)}小时` : '';
  if (register.length === 0 && served === '') return null;
  return `${year}年，${[register.length > 0 ? `${place}有${register.join('，')}` : '', served].filter(Boolean).join('；')}。`;
}

registerReportPart({
  key: 'volunteers',
  heading: '社会力量参与',
  order: 30,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await volunteerFigures(db, scope, { area: area.code, year });
    const text = volunteersParagraph(year, place, f.total);
    return text === null ? [] : [text];
  },
});
