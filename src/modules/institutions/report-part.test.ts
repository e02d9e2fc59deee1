// The 供养服务机构建设 paragraph's wording without a database: clauses left out when their figures are empty,
// a fall in 集中供养率 in points, no change, and nothing to say at all.
import { describe, expect, it } from 'vitest';
import type { Figures } from './service/figures.ts';
import { institutionsParagraph } from './service/report-part.ts';

const figures = (o: Partial<Figures> = {}): Figures => ({
  institutions: 0, byKind: {} as Figures['byKind'], nursingHomes: 0, registered: 0, registrationRate: null, nursingHomePosts: 0, nursingHomeStaff: 0, nursingHomeBeds: 0,
  posts: 0, staff: { management: 0, care: 0, medical: 0, total: 0 }, beds: 0, careBeds: 0, stars: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
  completedProjects: { central_lottery: 0, provincial: 0, local: 0 }, completedAmountFen: { central_lottery: 0, provincial: 0, local: 0 }, extra: {}, ...o,
});

describe('the institutions paragraph', () => {
  it('says nothing without figures', () => {
    expect(institutionsParagraph(2015, '全州', figures(), [])).toBeNull();
  });

  it('writes the seed\'s numbers (43 homes, 32 registered = 74.4%) and a fall in points; leaves out empty clauses', () => {
    const total = figures({
      nursingHomes: 43, registered: 32, registrationRate: 32 / 43, nursingHomePosts: 74, nursingHomeStaff: 302, nursingHomeBeds: 3000,
      completedProjects: { central_lottery: 13, provincial: 7, local: 0 }, stars: { 5: 4, 4: 2, 3: 3, 2: 0, 1: 0 },
      extra: { bedUseRate: 0.62, institutionalRate: 0.39, institutionalRateChangePoints: -1.25 },
    });
    const rows = [
      { ...figures({ extra: { bedUseRate: 0.5 } }), countyCode: '522702', countyName: '福泉市' },
      { ...figures({ extra: { bedUseRate: 0.7 } }), countyCode: '522701', countyName: '都匀市' },
      { ...figures({ extra: { bedUseRate: null } }), countyCode: '522722', countyName: '荔波县' },
    ];
    expect(institutionsParagraph(2015, '全州', total, rows)).toBe('2015年全州新建（改扩建）敬老院20所（中央彩票公益金补助13所、省级补助7所）；'
      + '全州敬老院43所，其中32所完成事业单位法人登记，占74.4%，有编制人员74个、管理服务人员302人；2015年评定五星级敬老院4个、四星级2个、三星级3个；'
      + '敬老院床位3000张，床位利用率62%，最低的县（市、区）为福泉市（50%）；特困人员集中供养率39%，比上年降低1.3个百分点。');
  });

  it('says 与上年持平 for no change and leaves the change out without last year', () => {
    const t = (d: number | null) => institutionsParagraph(2016, '全县', figures({ extra: { institutionalRate: 0.4, institutionalRateChangePoints: d } }), []);
    expect(t(0)).toBe('2016年特困人员集中供养率40%，与上年持平。');
    expect(t(null)).toBe('2016年特困人员集中供养率40%。');
  });
});
