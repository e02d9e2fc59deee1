// The funds' section of the annual work summary (资金保障), in the form of the bureau's summaries:
// "2015年全州共筹集城乡低保资金3.20亿元，其中中央2.10亿元（含中央彩票公益金500.00万元）、省级…，已到位…；
// 支出…，执行率N%。" per programme, then the counties whose execution is behind the schedule. Clauses without a
// figure are left out; no budget, transfer or spending: no section. County and prefecture reports only.
import { todayInChina } from '../../../kernel/clock.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { inArea, visibleCounties } from '../../../kernel/scope.ts';
import { registerReportPart } from '../../stats/index.ts';
import { FUND_SOURCE_LABELS, FUND_SOURCES, type FundSource } from '../codes.ts';
import { budgetsIn } from '../repo/funds.ts';
import { execution } from './execution.ts';
import { programmeName } from './labels.ts';

const UNITS = [{ word: '亿元', fen: 10_000_000_000 }, { word: '万元', fen: 1_000_000 }, { word: '元', fen: 100 }] as const;
type Unit = (typeof UNITS)[number];
/** The unit an amount is said in: 亿元 from 1亿元, 万元 from 1万元, else 元. */
const unitOf = (fen: number): Unit => UNITS.find((u) => fen >= u.fen) ?? UNITS[2];
/** 3.20亿元 / 512.50万元 / 800.00元, in the amount's own unit or the one given (the parts of a total in the total's). */
export function money(fen: number, unit: Unit = unitOf(fen)): string {
  return `${(fen / unit.fen).toFixed(2)}${unit.word}`;
}
const pct = (r: number) => `${(r * 100).toFixed(2)}%`;
export const fundName = (programme: string) => (programme === 'dibao' ? '城乡低保资金' : `${programmeName(programme)}资金`);

export interface ProgrammeFunds {
  programme: string;
  budgetBySource: Record<FundSource, number>;
  /** Named funds within a source (中央彩票公益金). */
  earmarks: { source: FundSource; earmark: string; amountFen: number }[];
  receivedFen: number;
  spentFen: number;
}
export interface BehindCounty { countyName: string; programme: string; rate: number; expected: number }

export function programmeFundsSentence(year: number, place: string, f: ProgrammeFunds): string | null {
  const budget = FUND_SOURCES.reduce((s, k) => s + f.budgetBySource[k], 0);
  if (budget === 0 && f.receivedFen === 0 && f.spentFen === 0) return null;
  const name = fundName(f.programme);
  if (budget === 0) {
    const parts = [f.receivedFen > 0 ? `到位${name}${money(f.receivedFen)}` : '', f.spentFen > 0 ? `支出${name}${money(f.spentFen)}` : ''].filter(Boolean);
    return `${year}年${place}${parts.join('，')}。`;
  }
  const unit = unitOf(budget);
  const sources = FUND_SOURCES.filter((k) => f.budgetBySource[k] > 0).map((k) => {
    const marks = f.earmarks.filter((e) => e.source === k && e.earmark !== '' && e.amountFen > 0);
    return `${FUND_SOURCE_LABELS[k]}${money(f.budgetBySource[k], unit)}${marks.length > 0 ? `（含${marks.map((e) => `${e.earmark}${money(e.amountFen)}`).join('、')}）` : ''}`;
  });
  const raised = `${year}年${place}共筹集${name}${money(budget)}，其中${sources.join('、')}${f.receivedFen > 0 ? `，已到位${money(f.receivedFen, unit)}` : ''}`;
  return `${raised}；支出${money(f.spentFen, unit)}，执行率${pct(f.spentFen / budget)}。`;
}

export function behindSentence(months: number, behind: readonly BehindCounty[]): string | null {
  if (behind.length === 0) return null;
  return `资金执行进度滞后：截至${months}月，${behind.map((b) => `${b.countyName}${fundName(b.programme)}执行率${pct(b.rate)}`).join('，')}，低于序时进度${pct(months / 12)}。`;
}

registerReportPart({
  key: 'funds',
  heading: '资金保障',
  order: 50,
  async paragraphs({ db, scope, area, year, place }) {
    if ((area.level !== 'county' && area.level !== 'prefecture') || !mayAct(scope, 'funds.read')) return [];
    const today = todayInChina();
    const asOf = today > `${year}-12-31` ? `${year}-12-31` : today;
    const e = await execution(db, scope, { area: area.code, year, asOf });
    const budgets = await budgetsIn(db.kysely, visibleCounties(scope, 'b.county_code'), inArea(area.code, 'b.county_code'), year);
    const programmes = [...new Set(e.items.map((i) => i.programme))].sort();
    const out: string[] = [];
    for (const p of programmes) {
      const mine = e.items.filter((i) => i.programme === p);
      const bySource = { central: 0, provincial: 0, prefecture: 0, county: 0 };
      for (const i of mine) for (const k of FUND_SOURCES) bySource[k] += i.budgetBySource[k];
      const earmarks = new Map<string, { source: FundSource; earmark: string; amountFen: number }>();
      for (const b of budgets.filter((x) => x.programme === p && x.earmark !== '')) {
        const key = `${b.source}/${b.earmark}`;
        const had = earmarks.get(key);
        if (had) had.amountFen += b.amount_fen;
        else earmarks.set(key, { source: b.source, earmark: b.earmark, amountFen: b.amount_fen });
      }
      const text = programmeFundsSentence(year, place, {
        programme: p, budgetBySource: bySource, earmarks: [...earmarks.values()],
        receivedFen: mine.reduce((s, i) => s + i.receivedFen, 0), spentFen: mine.reduce((s, i) => s + i.spentFen, 0),
      });
      if (text !== null) out.push(text);
    }
    const behind = behindSentence(e.monthsElapsed, e.items.filter((i) => i.behind).map((i) => ({ countyName: i.countyName, programme: i.programme, rate: i.rate ?? 0, expected: i.expected })));
    if (behind !== null) out.push(behind);
    return out;
  },
});
