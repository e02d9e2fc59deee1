// The relief stations' section of the annual work summary (救助管理), in the seed's words: "排查、甄别求助人员
// 12000人（次），对自愿受助者实施救助7500人（次）", with minors and escorted returns; from the station figures.
// Nothing screened, assisted or returned: no section; a township's report has none (the stations are the county's).
import { registerReportPart } from '../../stats/index.ts';
import { stationFigures } from './figures.ts';

export function stationParagraph(year: number, place: string, t: { screenings: number; assisted: number; minors: number; returnedHome: number }): string | null {
  if (t.screenings === 0 && t.assisted === 0 && t.returnedHome === 0) return null;
  const of = [t.minors > 0 ? `未成年人${t.minors}人（次）` : '', t.returnedHome > 0 ? `护送返乡${t.returnedHome}人（次）` : ''].filter(Boolean);
  return `${year}年${place}救助管理机构排查、甄别求助人员${t.screenings}人（次），对自愿受助者实施救助${t.assisted}人（次）${of.length > 0 ? `，其中${of.join('，')}` : ''}。`;
}

registerReportPart({
  key: 'relief-station',
  heading: '救助管理工作',
  order: 20,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await stationFigures(db, scope, { area: area.code, year });
    const text = stationParagraph(year, place, f.total);
    return text === null ? [] : [text];
  },
});
