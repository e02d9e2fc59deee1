// 低保's part of the annual work summary, in the words of the seed's （一）城乡低保: recipients and their
// change, average standards and gap payments with their growth, 分类施保, the households by cause of
// poverty (因病致贫返贫、因灾致贫返贫 …); and its problems: counties under the rural coverage floor, reduction
// beyond the advised quota or the year's 减量 plan target, and a multi-year plan used up in one year.
import { say, type ProgrammeReport, type ReportInput, type ReportWarning } from '../stats.ts';
import { CAUSES } from './causes.ts';

/**
 * Counties that reduced in one year at least their whole multi-year 减量 plan, as the seed says it:
 * "都匀市、福泉市6年的减量计划在一年全部减完" (counties grouped by the plan's length); '' when none.
 */
export function planUsedUp(reduction: readonly ReportWarning[]): string {
  const byYears = new Map<number, string[]>();
  for (const w of reduction) {
    if (!w.plan || w.plan.years < 2 || w.value < w.plan.total) continue;
    byYears.set(w.plan.years, [...(byYears.get(w.plan.years) ?? []), w.areaName]);
  }
  return [...byYears].sort((a, b) => b[0] - a[0]).map(([years, names]) => `${names.join('、')}把${years}年的减量计划在一年全部减完。`).join('');
}

/**
 * 4、致贫原因: the households of each main cause with their share of all 低保 households, causes with no
 * household left out; nothing when no household has a cause recorded.
 */
export function causesParagraph(r: ReportInput): string | null {
  const households = r.figure('households').value ?? 0;
  const clauses = CAUSES.flatMap(([, key, zh]) => {
    const n = r.figure(key).value ?? 0;
    return n > 0 ? [`${zh}${n}户，占${say.pct(households > 0 ? n / households : null)}`] : [];
  });
  return clauses.length === 0 ? null : `4、致贫原因。${r.place}低保户中，${clauses.join('；')}。`;
}

export const dibaoReport: ProgrammeReport = {
  heading: '城乡低保工作',
  section(r) {
    const f = (key: string) => r.figure(key);
    const causes = causesParagraph(r);
    return [
      { type: 'paragraph', text: `1、城乡低保对象情况。目前，${r.place}有城乡低保对象${f('households').value}户${f('persons').value}人${say.change(f('persons').change)}；其中城市低保对象${f('urbanHouseholds').value}户${f('urbanPersons').value}人${say.change(f('urbanPersons').change)}，农村低保对象${f('ruralHouseholds').value}户${f('ruralPersons').value}人${say.change(f('ruralPersons').change)}。` },
      { type: 'paragraph', text: `2、低保标准与补差水平。${r.place}城市、农村平均低保标准为${say.yuanWhole(f('urbanStandard').value)}元/月/人和${say.yuanWhole(f('ruralStandard').value)}元/年/人${say.bothGrew(f('urbanStandard').change, f('ruralStandard').change)}；城市低保、农村低保月人均补差${say.yuan(f('urbanGapPerPerson').value)}元、${say.yuan(f('ruralGapPerPerson').value)}元${say.bothGrew(f('urbanGapPerPerson').change, f('ruralGapPerPerson').change, '、')}。${say.spent('低保金', r.paid, f('expenditure').value)}。` },
      { type: 'paragraph', text: `3、分类施保。对“三无”人员、老年人、重病重残人员、在校学生等特殊困难群众实施“分类施保”，低保对象中享受增发补助金的特殊困难对象${say.wan(f('topupPersons').value)}人。` },
      ...(causes === null ? [] : [{ type: 'paragraph' as const, text: causes }]),
      { type: 'table' },
      { type: 'chart', chart: 'persons' },
    ];
  },
  problems(r, warnings) {
    // The warnings are per county: in a prefecture's report they name its counties, in a county's report
    // (whose units are townships) the one warning is the county's own.
    const byCounty = r.level === 'prefecture';
    const coverage = warnings.filter((w) => w.kind === 'rural_coverage').sort((a, b) => a.value - b.value);
    const lowest = coverage[0];
    const among = r.units.count > 0 ? `${r.place}${r.units.count}个${r.units.word}中，` : '';
    const reduction = warnings.filter((w) => w.kind === 'reduction_quota');
    const persons = r.figure('persons');
    // No prior year (no recipients a year earlier): nothing is compared, no 比上年 is said.
    const prev = persons.prev !== null && persons.prev > 0 ? persons.prev : null;
    const reduced = prev === null ? null : prev - (persons.value ?? 0);
    const coverageText = !lowest
      ? byCounty
        ? `各县（市、区）农村低保对象占农业人口比例均未低于规划下限（${r.place}为${say.pct(r.figure('ruralCoverage').value)}）。`
        : `${r.place}农村低保对象占农业人口比例为${say.pct(r.figure('ruralCoverage').value)}，未低于规划下限。`
      : byCounty
        ? `部分县（市、区）低保减量过快。${among}有${coverage.length}个县（市、区）的农村低保对象占农业人口比例已低于规划的${say.pct(lowest.threshold)}（${coverage.map((w) => w.areaName).join('、')}），最低的${lowest.areaName}占比只有${say.pct(lowest.value)}。`
        : `低保减量过快。${r.place}农村低保对象占农业人口比例只有${say.pct(lowest.value)}，已低于规划的${say.pct(lowest.threshold)}。`;
    const none = byCounty ? '未发现减量超过建议数的县（市、区）' : '未超过减量建议数';
    const reductionText = reduction.length > 0
      ? `低保减量超过建议数。${r.place}低保对象${reduced === null ? '' : `比上年减少${reduced}人；`}${reduction.map((w) => `${byCounty ? w.areaName : ''}减少${w.value}人（${w.plan ? '减量计划' : '建议数'}${w.threshold}人）`).join('，')}。${planUsedUp(reduction)}`
      : reduced === null
        ? `低保对象上年无可比数据，${none}。`
        : `低保对象比上年${reduced >= 0 ? `减少${reduced}` : `增加${-reduced}`}人，${none}。`;
    return [coverageText, reductionText];
  },
};
