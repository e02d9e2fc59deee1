// The annual report's 留守人员关爱 section, in the seed's words ("留守儿童7.6万人、留守老人4.3万人、留守妇女2万人"),
// from the 留守 figures: persons of the year's survey by kind (in 万 from 10,000), those with a care plan,
// visits and warning follow-ups of the year (every count in 万 from 10,000). A clause whose figure is zero is left out; nothing at all: no
// section. Every level the report is written for (township, county, prefecture): the records are the villages'.
import { say } from '../../../programmes/stats.ts';
import { registerReportPart } from '../../stats/index.ts';
import { leftBehindFigures } from './figures.ts';

export interface LeftBehindCounts { children: number; elders: number; women: number; persons: number; withCarePlan: number; visits: number; followUps: number }

export function leftBehindParagraph(year: number, place: string, f: LeftBehindCounts): string | null {
  const kinds = ([[f.children, '留守儿童'], [f.elders, '留守老人'], [f.women, '留守妇女']] as const).filter(([n]) => n > 0).map(([n, what]) => `${what}${say.wan(n)}人`);
  const surveyed = kinds.length === 0 ? '' : `排查摸底${kinds.join('、')}${f.withCarePlan > 0 ? `，其中${say.wan(f.withCarePlan)}人落实了关爱计划` : ''}`;
  const care = [f.visits > 0 ? `走访留守人员${say.wan(f.visits)}次` : '', f.followUps > 0 ? `处置预警${say.wan(f.followUps)}件` : ''].filter(Boolean);
  if (surveyed === '' && care.length === 0) return null;
  return `${year}年${place}${[surveyed, care.length > 0 ? `${surveyed === '' ? '' : '全年'}${care.join('，')}` : ''].filter(Boolean).join('；')}。`;
}

registerReportPart({
  key: 'left-behind',
  heading: '留守人员关爱',
  order: 40,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'township' && area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await leftBehindFigures(db, scope, { area: area.code, year });
    const text = leftBehindParagraph(year, place, f.total);
    return text === null ? [] : [text];
  },
});
