// A programme's report sentence filled in: `{key}` is the figure's value, written in the unit the text
// after it names (fen before 万元 in 10,000 yuan, before 元 in yuan; counts before 万 in 10,000s; ratios
// as percentages); `{place}` and `{year}` are the report's. Programmes that declare no part of the
// report get a sentence listing their KPI figures.
import { say } from '../../../programmes/stats.ts';
import type { Figure, ProgrammeSection } from '../contract.ts';

export function sentenceValue(f: Pick<Figure, 'unit' | 'value'>, after: string): string {
  const v = f.value;
  if (v === null) return '—';
  if (f.unit === 'ratio') return `${(v * 100).toFixed(2)}%`;
  if (f.unit.startsWith('fen')) return after.startsWith('万元') ? say.wanYuan(v) : say.yuan(v);
  return after.startsWith('万') ? (v / 10000).toFixed(2) : String(v);
}

export interface SentenceContext {
  place: string;
  year: number;
  figure(key: string): Figure | undefined;
}

export function fillSentence(template: string, ctx: SentenceContext): string {
  return template.replace(/\{(\w+)\}/g, (whole: string, key: string, at: number) => {
    if (key === 'place') return ctx.place;
    if (key === 'year') return String(ctx.year);
    const f = ctx.figure(key);
    return f ? sentenceValue(f, template.slice(at + whole.length)) : whole;
  });
}

/** 2015年，全州临时救助次数：3，临时救助人次：5，临时救助支出（元）：8123.00。 */
export function kpiSentence(section: ProgrammeSection, ctx: Omit<SentenceContext, 'figure'>): string {
  const shown = section.kpis.length > 0 ? section.total.filter((f) => section.kpis.includes(f.key)) : section.total;
  return `${ctx.year}年，${ctx.place}${shown.map((f) => `${f.label['zh-CN']}：${sentenceValue(f, '')}`).join('，')}。`;
}
