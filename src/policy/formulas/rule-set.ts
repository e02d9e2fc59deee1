// Which national rule set governs an event on a date. cn-2012: 社会救助暂行办法 (2014) with
// 最低生活保障审核审批办法（试行）(民发〔2012〕220号); cn-2021: 最低生活保障审核确认办法 and
// 特困人员认定办法, both in force 2021-07-01 (the first repeals the 2012 measures, its art. 42).
// The switch date is itself a parameter (rule_set.cn_2021_effective), read at national level.
import { NATIONAL } from '../area.ts';
import type { ParameterSet, RuleSet } from '../parameters.ts';

export function ruleSetFor(date: string, params: ParameterSet): RuleSet {
  const switchDate = params.get('rule_set.cn_2021_effective', NATIONAL, date).value;
  if (typeof switchDate !== 'string') throw new Error('Parameter "rule_set.cn_2021_effective" is not a date');
  return date >= switchDate ? 'cn-2021' : 'cn-2012';
}
