// The funds' paragraphs of the annual report and the 减量 sentence: clauses without figures left out,
// amounts in 亿元 or 万元, rates in per cent; a plan used up in one year said as the seed says it.
import { describe, expect, it } from 'vitest';
import { planUsedUp } from '../../programmes/dibao/report.ts';
import type { ReportWarning } from '../../programmes/stats.ts';
import { behindSentence, money, programmeFundsSentence, type ProgrammeFunds } from './service/report-part.ts';

const none: ProgrammeFunds = { programme: 'dibao', budgetBySource: { central: 0, provincial: 0, prefecture: 0, county: 0 }, earmarks: [], receivedFen: 0, spentFen: 0 };
const yi = 10_000_000_000;

describe('the funds paragraph', () => {
  const cases: [string, Partial<ProgrammeFunds>, string | null][] = [
    ['nothing budgeted, received or spent', {}, null],
    ['every source, an earmark, transfers and spending',
      { budgetBySource: { central: 2.1 * yi, provincial: 0.8 * yi, prefecture: 0.2 * yi, county: 0.1 * yi }, earmarks: [{ source: 'central', earmark: '中央彩票公益金', amountFen: 500_000_000 }], receivedFen: 3 * yi, spentFen: 2.88 * yi },
      '2015年全州共筹集城乡低保资金3.20亿元，其中中央2.10亿元（含中央彩票公益金500.00万元）、省级0.80亿元、州级0.20亿元、县级0.10亿元，已到位3.00亿元；支出2.88亿元，执行率90.00%。'],
    ['central only, nothing received or spent yet', { budgetBySource: { central: 80_000_000, provincial: 0, prefecture: 0, county: 0 } },
      '2015年全州共筹集城乡低保资金80.00万元，其中中央80.00万元；支出0.00万元，执行率0.00%。'],
    ['spending without a budget', { programme: 'temporary', spentFen: 12_345_600 }, '2015年全州支出临时救助资金12.35万元。'],
    ['a transfer without a budget', { programme: 'hardship', receivedFen: 5_000_000 }, '2015年全州到位特困人员救助供养资金5.00万元。'],
  ];
  it.each(cases)('%s', (_name, f, expected) => {
    expect(programmeFundsSentence(2015, '全州', { ...none, ...f })).toBe(expected);
  });

  it('names the counties behind the schedule, or says nothing', () => {
    expect(behindSentence(9, [])).toBeNull();
    expect(behindSentence(9, [{ countyName: '都匀市', programme: 'dibao', rate: 0.5, expected: 0.75 }, { countyName: '福泉市', programme: 'temporary', rate: 0.125, expected: 0.75 }]))
      .toBe('资金执行进度滞后：截至9月，都匀市城乡低保资金执行率50.00%，福泉市临时救助资金执行率12.50%，低于序时进度75.00%。');
    expect([money(99), money(1_000_000), money(yi)]).toEqual(['0.99元', '1.00万元', '1.00亿元']);
  });
});

describe('the 减量 sentence', () => {
  const w = (areaName: string, value: number, threshold: number, plan: ReportWarning['plan']): ReportWarning => ({ kind: 'reduction_quota', areaName, value, threshold, plan });
  const cases: [string, ReportWarning[], string][] = [
    ['no plan: the quota only', [w('都匀市', 5000, 1000, null)], ''],
    ['over the year\'s target, within the plan', [w('都匀市', 1500, 1000, { years: 6, total: 6000 })], ''],
    ['the whole plan in one year', [w('都匀市', 6000, 1000, { years: 6, total: 6000 })], '都匀市把6年的减量计划在一年全部减完。'],
    ['counties grouped by the plan\'s length', [w('都匀市', 7000, 1000, { years: 6, total: 6000 }), w('福泉市', 900, 100, { years: 3, total: 300 }), w('瓮安县', 6100, 1000, { years: 6, total: 6000 })],
      '都匀市、瓮安县把6年的减量计划在一年全部减完。福泉市把3年的减量计划在一年全部减完。'],
    ['a one-year plan is not "N years in one"', [w('都匀市', 900, 100, { years: 1, total: 100 })], ''],
  ];
  it.each(cases)('%s', (_name, warnings, expected) => {
    expect(planUsedUp(warnings)).toBe(expected);
  });
});
