// The annual work summary (年度社会救助工作总结) in the structure of the seed's part one: a section per
// programme from what it declares (its paragraphs, table and charts, or its one sentence), the sections
// other modules add (report/parts.ts: institutions, relief stations), the working mechanisms (intake, complaints, payroll and verification), then the problems from the warnings.
// `annualContent` is pure (figures → blocks); docx.ts lays it out.
import { MONITORING_KINDS, type MonitoringKind, type ReportBlock, type ReportInput } from '../../../programmes/stats.ts';
import { say } from '../../../programmes/stats.ts';
import type { FiguresResult, ProgrammeSection, Warning } from '../contract.ts';
import type { StatsProgramme } from '../domain/catalogue.ts';
import type { BarSeries } from './charts.ts';
import type { PartSection } from './parts.ts';
import { fillSentence, kpiSentence } from './sentence.ts';
import { complaintsTable, coverageTable, intakeTable, payrollTable, programmeTable, type StatTable } from './tables.ts';

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: StatTable }
  | { type: 'chart'; title: string; series: BarSeries[] };

export interface ReportContent {
  title: string;
  blocks: Block[];
}

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 20 → 二十. */
export function numeral(n: number): string {
  const ones = n % 10;
  const tens = Math.floor(n / 10);
  if (tens === 0) return DIGITS.charAt(ones);
  return `${tens === 1 ? '' : DIGITS.charAt(tens)}十${ones === 0 ? '' : DIGITS.charAt(ones)}`;
}

const isMonitoring = (w: Warning): w is Warning & { kind: MonitoringKind } => MONITORING_KINDS.some((k) => k === w.kind);

/** What the report's units are called: the counties of a prefecture, the townships of a county, the villages of a township. */
export const unitWord = (level: string) => (level === 'prefecture' ? '县（市、区）' : level === 'county' ? '乡（镇、街道）' : '村（社区）');

const levelOf = (level: string): ReportInput['level'] => (level === 'prefecture' || level === 'county' || level === 'township' ? level : 'village');

function inputOf(s: ProgrammeSection, r: FiguresResult, year: number, place: string): ReportInput {
  const paid = r.payroll.find((x) => x.programme === s.code)?.total ?? null;
  return {
    year,
    place,
    level: levelOf(r.area.level),
    units: { count: r.units.length, word: unitWord(r.area.level) },
    paid: paid && paid.lines > 0 ? paid : null,
    figure(key) {
      const f = s.total.find((x) => x.key === key);
      if (!f) throw new Error(`programme ${s.code} declares no figure ${key}`);
      return f;
    },
  };
}

/** The programme's blocks: its own section, else its sentence, else a sentence of its KPIs. */
function programmeBlocks(p: StatsProgramme, s: ProgrammeSection, input: ReportInput): ReportBlock[] {
  if (p.report.section) return p.report.section(input);
  const ctx = { place: input.place, year: input.year };
  if (p.report.sentence) return [{ type: 'paragraph', text: fillSentence(p.report.sentence, { ...ctx, figure: (key) => s.total.find((f) => f.key === key) }) }];
  return [{ type: 'paragraph', text: kpiSentence(s, ctx) }];
}

function chartOf(p: StatsProgramme, s: ProgrammeSection, key: string, year: number): Block {
  const chart = s.charts.find((c) => c.key === key);
  if (!chart) throw new Error(`programme ${p.code} declares no chart ${key}`);
  return {
    type: 'chart',
    title: `${year}年${chart.title['zh-CN']}`,
    series: chart.series.map((x) => ({ name: x.label['zh-CN'], values: s.units.map((u) => u.figures.find((f) => f.key === x.figure)?.value ?? 0) })),
  };
}

/** `parts`: the registered modules' sections (computed by the caller), laid out after the programmes'. */
/** 全州 / 全县 / 全乡（镇）: how the report names its whole area. */
export const placeWord = (level: string) => (level === 'prefecture' ? '全州' : level === 'county' ? '全县' : '全乡（镇）');

export function annualContent(r: FiguresResult, warnings: readonly Warning[], year: number, programmes: readonly StatsProgramme[], parts: readonly PartSection[] = []): ReportContent {
  const t = r.total;
  const place = placeWord(r.area.level);
  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ type: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ type: 'heading', level: 2, text });
  const p = (text: string) => blocks.push({ type: 'paragraph', text });
  const sections = programmes.flatMap((prog) => {
    const s = r.programmes.find((x) => x.code === prog.code);
    return s ? [{ prog, s, input: inputOf(s, r, year, place) }] : [];
  });

  p(`社会救助制度是保障困难群众基本生活、促进社会公平的一项重要基础性制度安排。${year}年，${r.area.name}认真贯彻落实城乡低保等社会救助各项政策，推进社会救助工作规范化建设，切实保障困难群众基本生活。现将${year}年社会救助工作情况总结如下（本总结数据由救助信息系统按${r.period.from}至${r.period.to}的数据生成）。`);
  h1('一、社会救助各项工作取得成效');
  for (const [i, { prog, s, input }] of sections.entries()) {
    h2(`（${numeral(i + 1)}）${prog.report.heading ?? `${prog.name['zh-CN']}工作`}`);
    for (const b of programmeBlocks(prog, s, input)) {
      if (b.type === 'paragraph') p(b.text);
      else if (b.type === 'table') blocks.push({ type: 'table', table: programmeTable(prog) });
      else blocks.push(chartOf(prog, s, b.chart, year));
    }
  }
  for (const [i, part] of parts.entries()) {
    h2(`（${numeral(sections.length + i + 1)}）${part.heading}`);
    for (const text of part.paragraphs) p(text);
  }
  h2(`（${numeral(sections.length + parts.length + 1)}）社会救助工作机制`);
  p(`一是“一门受理、协同办理”工作机制全面推进。社会救助服务窗口认真受理群众的申请，${year}年${place}共受理求助事项${t.intakeReceived}件，已办结${t.intakeCompleted}件，办结率${say.pct(t.intakeCompletionRate)}；目前超过办理时限未办结的转办事项${t.overdueReferrals}件、超期案件${t.overdueCases}件。`);
  blocks.push({ type: 'table', table: intakeTable });
  p(`二是加强监督检查。${year}年${place}受理社会救助举报${t.complaintsReceived}件，已查结${t.complaintsConcluded}件，其中查实（含部分属实）${t.complaintsSubstantiated}件，涉及“关系保”“人情保”的举报${t.complaintsFavouritism}件；追回骗取的救助资金${say.yuan(t.recoveredFen)}元，罚款${say.yuan(t.fineFen)}元。`);
  blocks.push({ type: 'table', table: complaintsTable });
  const paid = r.payroll.map((x) => `${x.name['zh-CN']}${say.yuan(x.total.netFen)}元`).join('、');
  p(`三是规范保障金发放和家庭经济状况核对。${year}年${place}通过社会化发放${paid}，合计${say.yuan(t.payrollNetFen)}元（${t.payrollLines}户（人）次）；开展家庭经济状况核对${t.verificationRequests}件（其中在保对象复核比对${t.rescreenRequests}件），比对出疑点${t.verificationFindings}条，其中超出认定条件${t.verificationBreaking}条、涉及“关系保”${t.verificationFavouritism}条；目前有复核预警的在保案件${t.rescreenHits}件、标记为工作人员或村干部近亲属的在保案件${t.favouritismFlags}件。`);
  blocks.push({ type: 'table', table: payrollTable(programmes) });

  h1('二、当前工作的不足和问题');
  const problems = sections.flatMap(({ prog, input }) => prog.report.problems?.(input, warnings.filter((w) => w.programme === prog.code).filter(isMonitoring)) ?? []);
  problems.push(`应保尽保仍需加强。${place}登记家庭${t.registryHouseholds}户，其中建档立卡户${t.povertyFile}户，尚有${t.povertyUncovered}户建档立卡户未纳入低保或特困供养；家庭人均收入低于低保标准而未纳入保障的${t.eligibleUncovered}户，低保边缘家庭${t.nearDibao}户，需逐户核查、应保尽保。`);
  for (const [i, text] of problems.entries()) p(`${numeral(i + 1)}是${text}`);
  blocks.push({ type: 'table', table: coverageTable });
  return { title: `${r.area.name}${year}年社会救助工作总结`, blocks };
}
