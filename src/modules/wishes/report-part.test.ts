// The wishes' paragraph of the annual report: campaigns by name, zero clauses left out, 万元 from 10,000 yuan.
import { describe, expect, it } from 'vitest';
import { wishesParagraph, type WishCounts } from './service/report-part.ts';

const none: WishCounts = { published: 0, fulfilled: 0, fulfilledFen: 0, donations: 0, donationsFen: 0 };

describe('the wishes paragraph', () => {
  const cases: [string, string[], Partial<WishCounts>, string | null][] = [
    ['nothing', [], {}, null],
    ['everything, two campaigns, donations in 万元', ['点亮微心愿', '情暖千万家'], { published: 12, fulfilled: 10, fulfilledFen: 3_000_00, donations: 4, donationsFen: 2_345_600_00 },
      '2015年全县开展“点亮微心愿”“情暖千万家”等活动，发布微心愿12个，实现10个、价值3000.00元，接受慈善捐赠4笔、234.56万元。'],
    ['one campaign, wishes only', ['点亮微心愿'], { published: 3 }, '2015年全县开展“点亮微心愿”活动，发布微心愿3个。'],
    ['fulfilled only (published the year before)', [], { fulfilled: 2, fulfilledFen: 400_00 }, '2015年全县微心愿实现2个、价值400.00元。'],
    ['a campaign alone', ['点亮微心愿'], {}, '2015年全县开展“点亮微心愿”活动。'],
    ['donations exactly 1万元', [], { donations: 1, donationsFen: 10_000_00 }, '2015年全县接受慈善捐赠1笔、1.00万元。'],
  ];
  it.each(cases)('%s', (_name, campaigns, counts, expected) => {
    expect(wishesParagraph(2015, '全县', campaigns, { ...none, ...counts })).toBe(expected);
  });
});
