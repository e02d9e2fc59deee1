// 特困's part of the annual work summary, in the words of the seed's （二）特困人员供养: persons in
// support, institutional count and rate with its change on last year in percentage points, the expenditure.
import { say, type ProgrammeReport } from '../stats.ts';

export const hardshipReport: ProgrammeReport = {
  heading: '特困人员供养工作',
  section(r) {
    const rate = r.figure('institutionalRate');
    return [
      { type: 'paragraph', text: `目前，${r.place}供养特困人员${r.figure('persons').value}人，其中集中供养对象${r.figure('institutional').value}人，集中供养率达${say.pct(rate.value)}，集中供养率${rate.prev === null || rate.value === null ? '上年同期无可比数据' : `比上年同期${say.points(rate.value, rate.prev)}`}；${say.spent('供养金', r.paid, r.figure('expenditure').value)}。` },
      { type: 'table' },
      { type: 'chart', chart: 'persons' },
    ];
  },
};
