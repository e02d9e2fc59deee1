// The annual work summary (年度社会救助工作总结) in the structure of the seed's part one: a section per
// programme with prose sentences carrying the figures, a table per programme by county and a chart.
// `annualContent` is pure (figures → sections); `annualDocx` lays it out with the docx package.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FiguresResult } from '../service/figures.ts';
import type { Warning } from '../service/warnings.ts';
import { barChart, type BarSeries } from './charts.ts';
import { formatValue, TABLES, tableRows, type StatTable } from './tables.ts';

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: StatTable }
  | { type: 'chart'; title: string; series: BarSeries[] };

export interface ReportContent {
  title: string;
  blocks: Block[];
}

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
const yuanInt = (fen: number | null) => (fen === null ? '—' : String(Math.round(fen / 100)));
const pct = (r: number | null) => (r === null ? '—' : `${(Math.abs(r) * 100).toFixed(2)}%`);
const changeText = (r: number | null) => (r === null ? '（上年无可比数据）' : `，比上年${r < 0 ? '减少' : '增长'}${pct(r)}`);
/** ", 分别增长 a 和 b" — or a note once when last year has no figure. */
const bothGrew = (a: number | null, b: number | null, and = '和') => (a === null && b === null ? '（上年无可比数据）' : `，分别${grew(a)}${and}${grew(b)}`);
const grew = (r: number | null) => (r === null ? '上年无可比数据' : `${r < 0 ? '下降' : '增长'}${pct(r)}`);
const wan = (n: number | null) => (n === null ? '—' : n >= 10000 ? `${(n / 10000).toFixed(2)}万` : String(n));

export function annualContent(r: FiguresResult, warnings: readonly Warning[], year: number): ReportContent {
  const t = r.total;
  const s = r.standards;
  const place = r.area.level === 'prefecture' ? '全州' : r.area.level === 'county' ? '全县' : '全乡（镇）';
  const units = r.units.map((u) => u.name);
  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ type: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ type: 'heading', level: 2, text });
  const p = (text: string) => blocks.push({ type: 'paragraph', text });

  p(`社会救助制度是保障困难群众基本生活、促进社会公平的一项重要基础性制度安排。${year}年，${r.area.name}认真贯彻落实城乡低保等社会救助各项政策，推进社会救助工作规范化建设，切实保障困难群众基本生活。现将${year}年社会救助工作情况总结如下（本总结数据由救助信息系统按${r.period.from}至${r.period.to}的数据生成）。`);
  h1('一、以低保为重点的社会救助各项工作取得成效');
  h2('（一）城乡低保工作');
  p(`1、城乡低保对象情况。目前，${place}有城乡低保对象${t.dibaoHouseholds}户${t.dibaoPersons}人${changeText(t.dibaoPersonsChange)}；其中城市低保对象${t.dibaoUrbanHouseholds}户${t.dibaoUrbanPersons}人${changeText(t.dibaoUrbanPersonsChange)}，农村低保对象${t.dibaoRuralHouseholds}户${t.dibaoRuralPersons}人${changeText(t.dibaoRuralPersonsChange)}。`);
  p(`2、低保标准与补差水平。${place}城市、农村平均低保标准为${yuanInt(s.urbanMonthly)}元/月/人和${yuanInt(s.ruralYearly)}元/年/人${bothGrew(s.urbanGrowth, s.ruralGrowth)}；城市低保、农村低保月人均补差${yuan(t.urbanGapPerPerson)}元、${yuan(t.ruralGapPerPerson)}元${bothGrew(t.urbanGapGrowth, t.ruralGapGrowth, '、')}。全年发放低保金${yuan(t.dibaoExpenditure)}元。`);
  p(`3、分类施保。对“三无”人员、老年人、重病重残人员、在校学生等特殊困难群众实施“分类施保”，低保对象中享受增发补助金的特殊困难对象${wan(t.topupPersons)}人。`);
  blocks.push({ type: 'table', table: TABLES[0]! });
  blocks.push({ type: 'chart', title: `${year}年各地城乡低保人数`, series: [
    { name: '城市低保人数', values: r.units.map((u) => u.dibaoUrbanPersons ?? 0) },
    { name: '农村低保人数', values: r.units.map((u) => u.dibaoRuralPersons ?? 0) },
  ] });
  h2('（二）特困人员供养工作');
  p(`目前，${place}供养特困人员${t.hardshipPersons}人，其中集中供养对象${t.hardshipInstitutional}人，集中供养率达${pct(t.institutionalRate)}，集中供养率${t.institutionalRateGrowth === null ? '上年同期无可比数据' : `比上年同期${grew(t.institutionalRateGrowth)}`}；全年发放供养金${yuan(t.hardshipExpenditure)}元。`);
  blocks.push({ type: 'table', table: TABLES[1]! });
  blocks.push({ type: 'chart', title: `${year}年各地特困人员供养人数`, series: [
    { name: '集中供养', values: r.units.map((u) => u.hardshipInstitutional ?? 0) },
    { name: '分散供养', values: r.units.map((u) => (u.hardshipPersons ?? 0) - (u.hardshipInstitutional ?? 0)) },
  ] });
  h2('（三）社会救助工作机制');
  p(`一是“一门受理、协同办理”工作机制全面推进。社会救助服务窗口认真受理群众的申请，${year}年${place}共受理求助事项${t.intakeReceived}件，已办结${t.intakeCompleted}件，办结率${pct(t.intakeCompletionRate)}；目前超过办理时限未办结的转办事项${t.overdueReferrals}件、超期案件${t.overdueCases}件。`);
  blocks.push({ type: 'table', table: TABLES[2]! });
  p(`二是加强监督检查。${year}年${place}受理社会救助举报${t.complaintsReceived}件，已查结${t.complaintsConcluded}件，其中查实（含部分属实）${t.complaintsSubstantiated}件，涉及“关系保”“人情保”的举报${t.complaintsFavouritism}件；追回骗取的救助资金${yuan(t.recoveredFen)}元，罚款${yuan(t.fineFen)}元。`);
  blocks.push({ type: 'table', table: TABLES[3]! });
  p(`三是规范保障金发放和家庭经济状况核对。${year}年${place}通过社会化发放低保金${yuan(t.payrollDibaoFen)}元、特困人员供养金${yuan(t.payrollHardshipFen)}元，合计${yuan(t.payrollNetFen)}元（${t.payrollLines}户（人）次）；开展家庭经济状况核对${t.verificationRequests}件（其中在保对象复核比对${t.rescreenRequests}件），比对出疑点${t.verificationFindings}条，其中超出认定条件${t.verificationBreaking}条、涉及“关系保”${t.verificationFavouritism}条；目前有复核预警的在保案件${t.rescreenHits}件、标记为工作人员或村干部近亲属的在保案件${t.favouritismFlags}件。`);
  blocks.push({ type: 'table', table: TABLES[4]! });
  h1('二、当前工作的不足和问题');
  const coverage = warnings.filter((w) => w.kind === 'rural_coverage').sort((a, b) => a.value - b.value);
  const floor = coverage[0]?.threshold ?? null;
  p(coverage.length > 0
    ? `一是部分县（市、区）低保减量过快。${units.length > 0 ? `${place}${r.units.length}个${r.area.level === 'prefecture' ? '县（市、区）' : '单位'}中，` : ''}有${coverage.length}个县（市、区）的农村低保对象占农业人口比例已低于规划的${pct(floor)}（${coverage.map((w) => w.areaName).join('、')}），最低的${coverage[0]!.areaName}占比只有${pct(coverage[0]!.value)}。`
    : `一是各县（市、区）农村低保对象占农业人口比例均未低于规划下限（${place}为${pct(t.ruralCoverage)}）。`);
  const reduction = warnings.filter((w) => w.kind === 'reduction_quota');
  const reduced = (t.dibaoPersonsPrev ?? 0) - (t.dibaoPersons ?? 0);
  p(reduction.length > 0
    ? `二是低保减量超过建议数。${place}低保对象比上年减少${reduced}人；${reduction.map((w) => `${w.areaName}减少${w.value}人（建议数${w.threshold}人）`).join('，')}。`
    : `二是低保对象比上年${reduced >= 0 ? `减少${reduced}` : `增加${-reduced}`}人，未发现减量超过建议数的县（市、区）。`);
  p(`三是应保尽保仍需加强。${place}登记家庭${t.registryHouseholds}户，其中建档立卡户${t.povertyFile}户，尚有${t.povertyUncovered}户建档立卡户未纳入低保或特困供养；家庭人均收入低于低保标准而未纳入保障的${t.eligibleUncovered}户，低保边缘家庭${t.nearDibao}户，需逐户核查、应保尽保。`);
  blocks.push({ type: 'table', table: TABLES[5]! });
  return { title: `${r.area.name}${year}年社会救助工作总结`, blocks };
}

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, bold: opts.bold, font: 'SimSun', size: opts.size ?? 24 });

function tableOf(table: StatTable, r: FiguresResult): Table {
  const { rows, total } = tableRows(table, r);
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 18 })] })] });
  const header = new TableRow({ tableHeader: true, children: [cell('地区', true), ...table.columns.map((c) => cell(c.label, true))] });
  const line = (row: { name: string; values: (number | null)[] }, bold = false) =>
    new TableRow({ children: [cell(row.name, bold), ...row.values.map((v, i) => cell(formatValue(table.columns[i]!.kind, v), bold))] });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows.map((x) => line(x)), line(total, true)] });
}

export async function annualDocx(content: ReportContent, r: FiguresResult): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.title, bold: true, font: 'SimHei', size: 36 })] }),
  ];
  const names = r.units.map((u) => u.name);
  for (const b of content.blocks) {
    if (b.type === 'heading') children.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text, bold: true, font: 'SimHei', size: b.level === 1 ? 30 : 26 })] }));
    else if (b.type === 'paragraph') children.push(new Paragraph({ spacing: { after: 160 }, indent: { firstLine: 480 }, children: [run(b.text)] }));
    else if (b.type === 'table') {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`表：${b.table.title}`, { bold: true, size: 21 })] }));
      children.push(tableOf(b.table, r));
    } else {
      const img = barChart(b.title, names, b.series);
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({
        type: 'svg', data: Buffer.from(img.svg), fallback: { type: 'png', data: img.png }, transformation: { width: img.width, height: img.height },
      })] }));
    }
  }
  const doc = new Document({ creator: 'Jiuzhu 救助', title: content.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
