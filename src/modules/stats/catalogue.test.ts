// The catalogue without a database: the registry's declarations are sound, mistakes in a declaration
// are named, figures follow their rules, and the report and tables are built for a programme that
// declares nothing but a sentence (临时救助 as it will come).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FiguresResult } from './contract.ts';
import { catalogueProblems, statsProgramme, statsProgrammes, type StatsSource } from './domain/catalogue.ts';
import { evaluate, type SumField } from './domain/evaluate.ts';
import { annualContent } from './report/annual.ts';
import { fillSentence, sentenceValue } from './report/sentence.ts';
import { allTables, tableRows } from './report/tables.ts';
import { payrollSection, programmeSection, type SummedArea } from './service/programme-figures.ts';
import { sumsOf, unitFigures } from './service/unit-figures.ts';
import type { UnitMetric } from './repo/read.ts';

const labels = (name: string, en: string) => ({ 'zh-CN': { name, short: name, benefit: `${name}金` }, en: { name: en, short: en, benefit: en } });
const temporarySource: StatsSource = {
  code: 'temporary', labels: labels('临时救助', 'Temporary assistance'), benefit: { schedule: 'one_off' },
  stats: { summaryKeys: [], report: { sentence: '全年实施临时救助{persons}人次，支出{amount}万元' } },
};
const temporary = statsProgramme(temporarySource);

/** A roll-up row of one unit: only the fields a test sets. */
const row = (unit: string, metric: string, fields: Partial<Record<SumField, number>>): UnitMetric => ({
  unit, metric, stock: 0, stock_prev: 0, months: 0, months_prev: 0, flow: 0, flow_prev: 0, overdue: 0, snapshot: 0, ...fields,
});
const noMeans = () => ({ now: null, prev: null });

describe('the programmes catalogue', () => {
  it('every registered programme declares sound figures, charts, table and monitoring', () => {
    expect(statsProgrammes().map((p) => p.code)).toEqual(expect.arrayContaining(['dibao', 'hardship']));
    for (const p of statsProgrammes()) expect(catalogueProblems(p), p.code).toEqual([]);
  });

  it('names the mistakes of a declaration', () => {
    const bad = statsProgramme({
      ...temporarySource,
      stats: {
        summaryKeys: ['persons', 'bad key'],
        figures: [
          { key: 'claims', labels: { 'zh-CN': '次数', en: 'Claims' }, unit: 'times', rule: { kind: 'stock', metric: 'times' } },
          { key: 'gap', labels: { 'zh-CN': '补差', en: 'Gap' }, unit: 'fen', rule: { kind: 'total', metric: 'gap' } },
          { key: 'share', labels: { 'zh-CN': '占比', en: 'Share' }, unit: 'ratio', rule: { kind: 'ratio', of: 'later', to: 'claims' } },
          { key: 'claims', labels: { 'zh-CN': '次数', en: 'Claims' }, unit: 'times', rule: { kind: 'total', metric: 'times' } },
        ],
        charts: [{ key: 'c', title: { 'zh-CN': '图', en: 'Chart' }, series: [{ figure: 'nothing' }] }],
        table: { name: { 'zh-CN': '临时/救助', en: 'T' }, title: { 'zh-CN': '表', en: 'T' }, columns: [{ figure: 'claims', show: 'prev' }] },
        monitoring: { reduction_quota: { figure: 'claims', parameter: 'x' } },
        report: { sentence: '{place}支出{money}元' },
      },
    });
    expect(catalogueProblems(bad)).toEqual([
      'summary key persons: every entitlement counts it already',
      'summary key bad key: letters, digits and _ only',
      'figure claims: one-off payments have no stock; use total',
      'figure gap: no metric gap (base metrics and summary keys: times, persons, amount, bad key)',
      'figure share: later is not a figure declared before it',
      'figure claims: declared twice',
      'chart c: no figure nothing',
      'table: claims has no comparison with last year',
      'table: a sheet name has 1–31 characters, none of []:*?/\\',
      'monitoring reduction_quota: claims needs its comparison with last year',
      'report sentence: no figure money',
    ]);
  });

  it('a programme that declares no figures counts what its entitlements give, labelled with its name', () => {
    expect(temporary.figures.map((f) => [f.key, f.labels['zh-CN'], f.unit])).toEqual([
      ['times', '临时救助次数', 'times'], ['persons', '临时救助人次', 'person_times'], ['amount', '临时救助支出（元）', 'fen'],
    ]);
    expect(catalogueProblems(temporary)).toEqual([]);
  });
});

describe('figures from their rules', () => {
  const dibao = statsProgrammes().find((p) => p.code === 'dibao')!;

  it('a ratio is the quotient of its figures, a per-person-month average rounds to the fen, a comparison is now ÷ then − 1', () => {
    fc.assert(fc.property(
      fc.nat(10_000), fc.nat(10_000), fc.nat(1000), fc.nat(1000), fc.nat(5_000_000), fc.nat(1000),
      (rural, ruralPrev, urban, agricultural, gap, personMonths) => {
        const sums = sumsOf([
          row('u', 'dibao.rural.persons', { stock: rural, stock_prev: ruralPrev, months: personMonths }),
          row('u', 'dibao.rural.gap', { months: gap }),
          row('u', 'dibao.urban.persons', { stock: urban }),
          row('u', 'registry.agricultural_persons', { snapshot: agricultural }),
        ]);
        const f = evaluate(dibao, { sum: sums, registry: () => agricultural, parameter: noMeans });
        expect(f.get('persons')).toEqual({ value: rural + urban, prev: ruralPrev, change: ruralPrev === 0 ? null : (rural + urban) / ruralPrev - 1 });
        expect(f.get('ruralCoverage')!.value).toBe(agricultural === 0 ? null : rural / agricultural);
        expect(f.get('ruralGapPerPerson')!.value).toBe(personMonths === 0 ? null : Math.round(gap / personMonths));
        // Not compared: no previous value is shown.
        expect(f.get('urbanHouseholds')).toEqual({ value: 0, prev: null, change: null });
      },
    ));
  });

  it('one-off figures are the flows of the period; the units add up to the total', () => {
    fc.assert(fc.property(fc.array(fc.record({ unit: fc.constantFrom('a', 'b', 'c'), hukou: fc.constantFrom('urban', 'rural'), times: fc.nat(50), persons: fc.nat(200), amount: fc.nat(10_000_000) }), { maxLength: 12 }), (claims) => {
      const rows = claims.flatMap((c) => (['times', 'persons', 'amount'] as const).map((m) => row(c.unit, `temporary.${c.hukou}.${m}`, { flow: c[m] })));
      const at = (unit: string | null): SummedArea => ({ code: unit ?? 'all', name: unit ?? 'all', sums: sumsOf(rows.filter((r) => unit === null || r.unit === unit)) });
      const section = programmeSection(temporary, at(null), ['a', 'b', 'c'].map(at), noMeans);
      for (const key of ['times', 'persons', 'amount'] as const) {
        const total = section.total.find((f) => f.key === key)!.value;
        expect(total).toBe(claims.reduce((a, c) => a + c[key], 0));
        expect(section.units.reduce((a, u) => a + (u.figures.find((f) => f.key === key)!.value ?? 0), 0)).toBe(total);
      }
    }));
  });
});

describe('report sentences', () => {
  const fig = (unit: 'fen' | 'person_times' | 'ratio', value: number | null) => ({ unit, value });

  it('writes a value in the unit the words after it name', () => {
    expect(sentenceValue(fig('fen', 812_340_000), '万元')).toBe('812.34');
    expect(sentenceValue(fig('fen', 65_000), '元，')).toBe('650.00');
    expect(sentenceValue(fig('person_times', 52_300), '万人次')).toBe('5.23');
    expect(sentenceValue(fig('person_times', 5230), '人次')).toBe('5230');
    expect(sentenceValue(fig('ratio', 0.39), '')).toBe('39.00%');
    expect(sentenceValue(fig('fen', null), '元')).toBe('—');
    const figures = new Map([['persons', { key: 'persons', label: { 'zh-CN': '人次', en: 'p' }, unit: 'person_times' as const, compare: true, basis: null, value: 5230, prev: null, change: null }]]);
    expect(fillSentence('{year}年{place}救助{persons}人次，{unknown}', { place: '全州', year: 2015, figure: (k) => figures.get(k) })).toBe('2015年全州救助5230人次，{unknown}');
  });
});

describe('the annual report and tables for a programme that declares only a sentence', () => {
  const units = [{ code: '522701', name: '都匀市', level: 'county' }, { code: '522702', name: '福泉市', level: 'county' }];
  const rows = [
    row('522701', 'temporary.urban.times', { flow: 3000 }), row('522701', 'temporary.urban.persons', { flow: 3100 }), row('522701', 'temporary.urban.amount', { flow: 500_000_000 }),
    row('522702', 'temporary.rural.times', { flow: 2000 }), row('522702', 'temporary.rural.persons', { flow: 2130 }), row('522702', 'temporary.rural.amount', { flow: 312_340_000 }),
    row('522701', 'payroll.temporary.net_fen', { flow: 700_000_000 }),
  ];
  const at = (code: string, name: string, list: readonly UnitMetric[]): SummedArea => ({ code, name, sums: sumsOf(list) });
  const total = at('522700', '黔南布依族苗族自治州', rows);
  const parts = units.map((u) => at(u.code, u.name, rows.filter((r) => r.unit === u.code)));
  const result: FiguresResult = {
    area: { code: '522700', name: '黔南布依族苗族自治州', level: 'prefecture' },
    areaPath: ['黔南布依族苗族自治州'],
    period: { from: '2015-01', to: '2015-12', prevFrom: '2014-01', prevTo: '2014-12', date: '2015-12-31', prevDate: '2014-12-31', asOf: '2016-01-05', months: 12 },
    total: unitFigures(rows),
    units: units.map((u) => ({ ...u, ...unitFigures(rows.filter((r) => r.unit === u.code)) })),
    programmes: [programmeSection(temporary, total, parts, noMeans)],
    payroll: [payrollSection(temporary, total, parts)],
    refreshedAt: '2016-01-05T00:00:00.000Z',
    rollup: { asOf: '2016-01-05T00:00:00.000Z', refreshing: null },
  };

  it('gets a section with its sentence, and its payments in the payroll paragraph', () => {
    const content = annualContent(result, [], 2015, [temporary]);
    const texts = content.blocks.flatMap((b) => (b.type === 'heading' || b.type === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('（一）临时救助工作');
    expect(texts).toContain('全年实施临时救助5230人次，支出812.34万元');
    expect(texts).toContain('（二）社会救助工作机制');
    expect(texts.find((t) => t.startsWith('三是规范保障金发放'))).toContain('通过社会化发放临时救助金7000000.00元，合计7000000.00元');
    expect(texts.find((t) => t.startsWith('一是应保尽保'))).toBeDefined();
  });

  it('gets a sheet of its figures, a row per unit and the totals', () => {
    const tables = allTables([temporary]);
    expect(tables.map((t) => t.name)).toEqual(['临时救助', '一门受理', '举报核查', '发放与核对', '应保尽保']);
    const { rows: lines, total: sum } = tableRows(tables[0]!, result);
    expect(lines.map((l) => [l.name, ...l.values])).toEqual([['都匀市', 3000, 3100, 500_000_000], ['福泉市', 2000, 2130, 312_340_000]]);
    expect(sum.values).toEqual([5000, 5230, 812_340_000]);
    expect(tables[3]!.columns[0]!.label).toBe('临时救助金发放（元）');
  });
});
