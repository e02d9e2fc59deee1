// The wishes' paragraph of the annual report's 社会力量参与 section (the seed's campaigns "点亮微心愿、情暖千万家"):
// the year's campaigns by name (the area's and its prefecture's, running in the year), wishes published and
// fulfilled in the year with the fulfilled value, donations received in the year; amounts in 万元 from 10,000
// yuan up, in 元 below. A clause whose figure is zero is left out; no campaign and no figure: no paragraph.
// County and prefecture reports only (the figures are the county's; a township's report has none).
import { say } from '../../../programmes/stats.ts';
import { registerReportPart } from '../../stats/index.ts';
import { yearCampaignNames } from '../repo/wishes.ts';
import { wishFigures } from './read.ts';

export interface WishCounts { published: number; fulfilled: number; fulfilledFen: number; donations: number; donationsFen: number }

/** 1234500 fen → 1.23万元; 65000 → 650.00元. */
export const money = (fen: number) => (fen >= 1_000_000 ? `${say.wanYuan(fen)}万元` : `${say.yuan(fen)}元`);

export function wishesParagraph(year: number, place: string, campaigns: readonly string[], f: WishCounts): string | null {
  const wishes = [f.published > 0 ? `发布微心愿${f.published}个` : '', f.fulfilled > 0 ? `${f.published > 0 ? '' : '微心愿'}实现${f.fulfilled}个、价值${money(f.fulfilledFen)}` : ''].filter(Boolean);
  const clauses = [
    campaigns.length > 0 ? `开展${campaigns.map((c) => `“${c}”`).join('')}${campaigns.length > 1 ? '等' : ''}活动` : '',
    wishes.join('，'),
    f.donations > 0 ? `接受慈善捐赠${f.donations}笔、${money(f.donationsFen)}` : '',
  ].filter(Boolean);
  return clauses.length === 0 ? null : `${year}年${place}${clauses.join('，')}。`;
}

registerReportPart({
  key: 'wishes',
  heading: '社会力量参与',
  order: 31,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await wishFigures(db, scope, { area: area.code, year });
    const text = wishesParagraph(year, place, await yearCampaignNames(db.kysely, area.code, year), f.total);
    return text === null ? [] : [text];
  },
});
