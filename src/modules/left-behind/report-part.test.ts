// The 留守人员关爱 paragraph of the annual report: kinds surveyed (in 万 from 10,000), zero clauses left out.
import { describe, expect, it } from 'vitest';
import { leftBehindParagraph, type LeftBehindCounts } from './service/report-part.ts';

const none: LeftBehindCounts = { children: 0, elders: 0, women: 0, persons: 0, withCarePlan: 0, visits: 0, followUps: 0 };

describe('the 留守 paragraph', () => {
  const cases: [string, Partial<LeftBehindCounts>, string | null][] = [
    ['nothing', {}, null],
    ['the seed\'s numbers and the care work', { children: 76_000, elders: 43_000, women: 20_000, persons: 139_000, withCarePlan: 52_000, visits: 380_000, followUps: 1200 },
      '2015年全州排查摸底留守儿童7.60万人、留守老人4.30万人、留守妇女2.00万人，其中5.20万人落实了关爱计划；全年走访留守人员38.00万次，处置预警1200件。'],
    ['children only, no plan, no care', { children: 3, persons: 3 }, '2015年全州排查摸底留守儿童3人。'],
    ['elders and women, visits only', { elders: 2, women: 1, persons: 3, visits: 5 }, '2015年全州排查摸底留守老人2人、留守妇女1人；全年走访留守人员5次。'],
    ['no survey this year, care of persons surveyed before', { visits: 4, followUps: 1 }, '2015年全州走访留守人员4次，处置预警1件。'],
  ];
  it.each(cases)('%s', (_name, counts, expected) => {
    expect(leftBehindParagraph(2015, '全州', { ...none, ...counts })).toBe(expected);
  });
});
