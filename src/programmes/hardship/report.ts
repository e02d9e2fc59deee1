// 特困's part of the annual work summary, in the words of the seed's （二）特困人员供养: persons in
// support (其中农村五保对象…人、城市三无人员…人、孤儿…人, clauses of none left out), institutional count and rate with its change on last year in percentage points, the expenditure.
import { say, type ProgrammeReport, type ReportInput } from '../stats.ts';

/** 农村五保对象X人、城市三无人员Y人、孤儿Z人, clauses of no person left out; empty when all are. */
export function originClauses(r: ReportInput): string {
  const parts = ([['fiveGuarantees', '农村五保对象'], ['threeNos', '城市三无人员'], ['orphans', '孤儿']] as const)
    .flatMap(([key, words]) => {
      const n = r.figure(key).value ?? 0;
      return n > 0 ? [`${words}${n}人`] : [];
    });
  return parts.join('、');
}

export const hardshipReport: ProgrammeReport = {
  heading: '特困人员供养工作',
  section(r) {
    const rate = r.figure('institutionalRate');
    const origins = originClauses(r);
    return [
      { type: 'paragraph', text: `目前，${r.place}供养特困人员${r.figure('persons').value}人，${origins === '' ? '其中' : `其中${origins}，`}集中供养对象${r.figure('institutional').value}人，集中供养率达${say.pct(rate.value)}，集中供养率${rate.prev === null || rate.value === null ? '上年同期无可比数据' : `比上年同期${say.points(rate.value, rate.prev)}`}；${say.spent('供养金', r.paid, r.figure('expenditure').value)}。` },
      { type: 'table' },
      { type: 'chart', chart: 'persons' },
    ];
  },
};
