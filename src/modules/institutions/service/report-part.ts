// The institutions' section of the annual work summary (供养服务机构建设), in the seed's words: "建设敬老院20所
// （省补助7所、中央彩票公益金补助13所）…43所敬老院32所完成事业单位法人登记，占74%，有编制人员74个、管理服务人员
// 302人…五星级4个、四星级2个、三星级3个…床位利用率最低的50%…集中供养率39%". From the institution figures
// (which carry the placements' part: bed use, residents, 集中供养率 and its change in percentage points).
// A clause whose figures are empty is left out; a township's report has no section (the register is the county's).
import { registerReportPart } from '../../stats/index.ts';
import { FUNDING_SOURCES, type FundingSource } from '../codes.ts';
import { institutionFigures, type Figures } from './figures.ts';

/** 0.744 → 74.4%, 0.5 → 50% (one decimal, a trailing .0 dropped). */
export const percentText = (r: number) => `${trim(r * 100)}%`;
/** 15 → 15, 2.35 → 2.4 (one decimal, a trailing .0 dropped). */
const trim = (n: number) => String(Math.round(n * 10) / 10);

const FUNDING_WORDS: Record<FundingSource, string> = { central_lottery: '中央彩票公益金补助', provincial: '省级补助', local: '地方' };
const STAR_WORDS: Record<string, string> = { 5: '五星级', 4: '四星级', 3: '三星级', 2: '二星级', 1: '一星级' };

export function institutionsParagraph(year: number, place: string, total: Figures, rows: readonly (Figures & { countyCode: string; countyName: string })[]): string | null {
  const clauses: string[] = [];
  const built = FUNDING_SOURCES.reduce((n, s) => n + total.completedProjects[s], 0);
  if (built > 0) {
    const by = FUNDING_SOURCES.filter((s) => total.completedProjects[s] > 0).map((s) => `${FUNDING_WORDS[s]}${total.completedProjects[s]}所`);
    clauses.push(`${place}新建（改扩建）敬老院${built}所（${by.join('、')}）`);
  }
  if (total.nursingHomes > 0) {
    let c = `${place}敬老院${total.nursingHomes}所`;
    if (total.registered > 0) c += `，其中${total.registered}所完成事业单位法人登记，占${percentText(total.registrationRate ?? 0)}`;
    const staff = [total.nursingHomePosts > 0 ? `编制人员${total.nursingHomePosts}个` : '', total.nursingHomeStaff > 0 ? `管理服务人员${total.nursingHomeStaff}人` : ''].filter(Boolean);
    if (staff.length > 0) c += `，有${staff.join('、')}`;
    clauses.push(c);
  }
  const stars = ['5', '4', '3', '2', '1'].filter((k) => (total.stars[k] ?? 0) > 0).map((k, i) => `${STAR_WORDS[k]}${i === 0 ? '敬老院' : ''}${total.stars[k]}个`);
  if (stars.length > 0) clauses.push(`${year}年评定${stars.join('、')}`);
  const rate = total.extra.bedUseRate;
  if (total.nursingHomeBeds > 0) {
    let c = `敬老院床位${total.nursingHomeBeds}张`;
    // No resident recorded all year (rate 0): no rate; the lowest county only when it is below the whole.
    if (rate !== undefined && rate !== null && rate > 0) {
      c += `，床位利用率${percentText(rate)}`;
      const ranked = rows.filter((r) => r.extra.bedUseRate !== undefined && r.extra.bedUseRate !== null)
        .sort((a, b) => a.extra.bedUseRate! - b.extra.bedUseRate! || a.countyCode.localeCompare(b.countyCode));
      const low = ranked[0];
      if (rows.length > 1 && low && low.extra.bedUseRate! < rate) c += `，最低的县（市、区）为${low.countyName}（${percentText(low.extra.bedUseRate!)}）`;
    }
    clauses.push(c);
  }
  const inst = total.extra.institutionalRate;
  if (inst !== undefined && inst !== null) {
    const d = total.extra.institutionalRateChangePoints;
    const change = d === undefined || d === null ? '' : d === 0 ? '，与上年持平' : `，比上年${d > 0 ? '提高' : '降低'}${trim(Math.abs(d))}个百分点`;
    clauses.push(`特困人员集中供养率${percentText(inst)}${change}`);
  }
  return clauses.length === 0 ? null : `${year}年${clauses.join('；')}。`;
}

registerReportPart({
  key: 'institutions',
  heading: '供养服务机构建设',
  order: 10,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await institutionFigures(db, scope, { area: area.code, year });
    const text = institutionsParagraph(year, place, f.total, f.rows);
    return text === null ? [] : [text];
  },
});
