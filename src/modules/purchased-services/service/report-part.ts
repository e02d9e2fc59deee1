// The purchased services' paragraph of the annual work summary (社会力量参与): contracts in force in the year
// and their amount, confirmed services done in the year, 协理员 in post at the year's end. Nothing of these:
// no paragraph; township reports have none (contracts and the register are the county's).
import { registerReportPart } from '../../stats/index.ts';
import { purchaseFigures } from './figures.ts';

/** 1234567 fen → "1.23" (万元, at most two decimals, no trailing zeros). */
const wan = (fen: number) => String(Math.round(fen / 10_000) / 100);

export function purchaseParagraph(year: number, place: string, t: { contracts: number; amountFen: number; tasksConfirmed: number; assistants: number }): string | null {
  if (t.contracts === 0 && t.tasksConfirmed === 0 && t.assistants === 0) return null;
  const first = [
    t.contracts > 0 ? `政府购买社会救助服务合同${t.contracts}份、金额${wan(t.amountFen)}万元` : '',
    t.tasksConfirmed > 0 ? `完成入户走访等服务${t.tasksConfirmed}次` : '',
  ].filter(Boolean).join('，');
  const second = t.assistants > 0 ? `配备村（社区）社会救助协理员${t.assistants}名` : '';
  return `${year}年${place}${[first, second].filter(Boolean).join('；')}。`;
}

registerReportPart({
  key: 'purchased-services',
  heading: '社会力量参与',
  order: 32,
  async paragraphs({ db, scope, area, year, place }) {
    if (area.level !== 'county' && area.level !== 'prefecture') return [];
    const f = await purchaseFigures(db, scope, { area: area.code, year });
    const text = purchaseParagraph(year, place, f.total);
    return text === null ? [] : [text];
  },
});
