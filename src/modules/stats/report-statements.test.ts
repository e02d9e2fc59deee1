// The annual report's statements of issue 20 (must-have 4), without a database: 低保/特困 figures from
// hand-made roll-up rows through the registry's real declarations into the report's words. No 比上年增加
// where there is no prior year; 低保金 stated once, paid (payroll) or granted (decisions), and labelled;
// a county report's units are its townships; a rate's change is in percentage points.
import { describe, expect, it } from 'vitest';
import type { FiguresResult, Warning } from './contract.ts';
import { statsProgrammes } from './domain/catalogue.ts';
import type { SumField } from './domain/evaluate.ts';
import type { UnitMetric } from './repo/read.ts';
import { annualContent } from './report/annual.ts';
import { payrollSection, programmeSection, type SummedArea } from './service/programme-figures.ts';
import { sumsOf, unitFigures } from './service/unit-figures.ts';

const row = (unit: string, metric: string, fields: Partial<Record<SumField, number>>): UnitMetric => ({
  unit, metric, stock: 0, stock_prev: 0, months: 0, months_prev: 0, flow: 0, flow_prev: 0, overdue: 0, snapshot: 0, ...fields,
});
const noMeans = () => ({ now: null, prev: null });
const programmes = statsProgrammes().filter((p) => p.code === 'dibao' || p.code === 'hardship');

interface Area { code: string; name: string; level: string }
const PREFECTURE: Area = { code: '522700', name: '黔南布依族苗族自治州', level: 'prefecture' };
const COUNTY: Area = { code: '522701', name: '都匀市', level: 'county' };
const UNITS: Record<string, Area[]> = {
  prefecture: [{ code: '522701', name: '都匀市', level: 'county' }, { code: '522702', name: '福泉市', level: 'county' }],
  county: [{ code: '522701001', name: '广惠街道', level: 'township' }, { code: '522701002', name: '文峰街道', level: 'township' }],
};

/** 低保 persons now and a year earlier (rural, in the first unit), 低保金 granted, and what payrolls paid. */
interface Setup {
  area?: Area;
  persons: number;
  personsPrev: number;
  grantedFen?: number;
  paid?: { netFen: number; lines: number };
  hardship?: { persons: [number, number]; institutional: [number, number] };
  warnings?: Warning[];
}

function report(s: Setup): string[] {
  const area = s.area ?? PREFECTURE;
  const units = UNITS[area.level]!;
  const u = units[0]!.code;
  const rows = [
    row(u, 'dibao.rural.households', { stock: s.persons, stock_prev: s.personsPrev }),
    row(u, 'dibao.rural.persons', { stock: s.persons, stock_prev: s.personsPrev, months: s.persons * 12 }),
    row(u, 'dibao.rural.amount', { months: s.grantedFen ?? 0 }),
    row(u, 'registry.agricultural_persons', { snapshot: 1000 }),
    ...(s.paid ? [row(u, 'payroll.dibao.net_fen', { flow: s.paid.netFen }), row(u, 'payroll.dibao.lines', { flow: s.paid.lines })] : []),
    ...(s.hardship ? [
      row(u, 'hardship.rural.persons', { stock: s.hardship.persons[0], stock_prev: s.hardship.persons[1] }),
      row(u, 'hardship.rural.institutional', { stock: s.hardship.institutional[0], stock_prev: s.hardship.institutional[1] }),
    ] : []),
  ];
  const at = (a: Area, list: readonly UnitMetric[]): SummedArea => ({ code: a.code, name: a.name, sums: sumsOf(list) });
  const total = at(area, rows);
  const parts = units.map((x) => at(x, rows.filter((r) => r.unit === x.code)));
  const result: FiguresResult = {
    area,
    areaPath: [area.name],
    period: { from: '2015-01', to: '2015-12', prevFrom: '2014-01', prevTo: '2014-12', date: '2015-12-31', prevDate: '2014-12-31', asOf: '2016-01-05', months: 12 },
    total: unitFigures(rows),
    units: units.map((x) => ({ ...x, ...unitFigures(rows.filter((r) => r.unit === x.code)) })),
    programmes: programmes.map((p) => programmeSection(p, total, parts, noMeans)),
    payroll: programmes.map((p) => payrollSection(p, total, parts)),
    refreshedAt: '2016-01-05T00:00:00.000Z',
    rollup: { asOf: '2016-01-05T00:00:00.000Z', refreshing: null },
  };
  const content = annualContent(result, s.warnings ?? [], 2015, programmes);
  return content.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
}

const coverageWarning = (areaCode: string, areaName: string, value: number): Warning => ({ kind: 'rural_coverage', areaCode, areaName, areaPath: ['黔南布依族苗族自治州', areaName], value, threshold: 0.065, programme: 'dibao', label: null });

describe('the annual report says 比上年 only where there is a prior year', () => {
  const cases: { name: string; persons: number; personsPrev: number; says: string[]; never: string[] }[] = [
    { name: 'no recipients a year earlier', persons: 40, personsPrev: 0, says: ['低保对象上年无可比数据，未发现减量超过建议数的县（市、区）。', '有城乡低保对象40户40人（上年无可比数据）'], never: ['比上年增加', '比上年减少', '比上年增长'] },
    { name: 'more than a year earlier', persons: 40, personsPrev: 30, says: ['低保对象比上年增加10人，未发现减量超过建议数的县（市、区）。'], never: ['上年无可比数据，未发现'] },
    { name: 'fewer than a year earlier', persons: 30, personsPrev: 40, says: ['低保对象比上年减少10人，未发现减量超过建议数的县（市、区）。'], never: ['比上年增加'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = report({ persons: c.persons, personsPrev: c.personsPrev }).join('\n');
      for (const s of c.says) expect(text).toContain(s);
      for (const s of c.never) expect(text).not.toContain(s);
    });
  }
});

describe('the annual report states 低保金 once, paid or granted, and says which', () => {
  const cases: { name: string; paid?: { netFen: number; lines: number }; says: string; never: string }[] = [
    { name: 'paid by approved payrolls: the payroll figure', paid: { netFen: 1_150_000, lines: 24 }, says: '全年实际发放低保金11500.00元（按已审批的发放名册）', never: '核定低保金' },
    { name: 'no payroll yet: the decisions\' figure, labelled so', says: '全年按审批决定核定低保金12000.00元（本期尚无已审批的发放名册）', never: '全年发放低保金' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = report({ persons: 10, personsPrev: 10, grantedFen: 1_200_000, ...(c.paid ? { paid: c.paid } : {}) });
      const section = text.find((t) => t.startsWith('2、低保标准与补差水平'))!;
      expect(section).toContain(c.says);
      expect(text.join('\n')).not.toContain(c.never);
      // The payroll paragraph tells the same paid figure.
      if (c.paid) expect(text.find((t) => t.startsWith('三是'))).toContain('发放低保金11500.00元');
    });
  }
});

describe('the report\'s units: counties of a prefecture, townships of a county', () => {
  const cases: { name: string; area: Area; warning: Warning; says: string[]; never: string[] }[] = [
    {
      name: 'prefecture', area: PREFECTURE, warning: coverageWarning('522701', '都匀市', 0.04),
      says: ['部分县（市、区）低保减量过快。全州2个县（市、区）中，有1个县（市、区）的农村低保对象占农业人口比例已低于规划的6.50%（都匀市），最低的都匀市占比只有4.00%。'],
      never: ['单位'],
    },
    {
      name: 'county', area: COUNTY, warning: coverageWarning('522701', '都匀市', 0.04),
      says: ['低保减量过快。全县农村低保对象占农业人口比例只有4.00%，已低于规划的6.50%。', '未超过减量建议数'],
      never: ['县（市、区）', '单位'],
    },
    {
      name: 'county without a warning', area: COUNTY, warning: { ...coverageWarning('522701', '都匀市', 0.04), kind: 'poverty_uncovered' },
      says: ['全县农村低保对象占农业人口比例为4.00%，未低于规划下限。'],
      never: ['各县（市、区）', '单位'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = report({ area: c.area, persons: 40, personsPrev: 40, warnings: [c.warning] });
      const problems = text.filter((t) => /^[一二三四五六七八九]是/.test(t) && !t.startsWith('一是“一门受理') && !t.startsWith('二是加强') && !t.startsWith('三是规范')).join('\n');
      for (const s of c.says) expect(problems).toContain(s);
      for (const s of c.never) expect(problems).not.toContain(s);
    });
  }
});

describe('a rate\'s change is told in percentage points', () => {
  const cases: { name: string; persons: [number, number]; institutional: [number, number]; says: string; change: number | null }[] = [
    { name: '60% after 34%', persons: [50, 50], institutional: [30, 17], says: '集中供养率比上年同期提高26.00个百分点', change: 0.26 },
    { name: '20% after 40%', persons: [50, 50], institutional: [10, 20], says: '集中供养率比上年同期降低20.00个百分点', change: -0.2 },
    { name: 'none a year earlier', persons: [50, 0], institutional: [10, 0], says: '集中供养率上年同期无可比数据', change: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = report({ persons: 1, personsPrev: 1, hardship: { persons: c.persons, institutional: c.institutional } });
      expect(text.join('\n')).toContain(c.says);
    });
  }

  it('the figure\'s change of a rate is the difference, not the relative change', () => {
    const hardship = programmes.find((p) => p.code === 'hardship')!;
    const rows = [row('u', 'hardship.rural.persons', { stock: 50, stock_prev: 50 }), row('u', 'hardship.rural.institutional', { stock: 30, stock_prev: 17 })];
    const s = programmeSection(hardship, { code: 'u', name: 'u', sums: sumsOf(rows) }, [], noMeans);
    const rate = s.total.find((f) => f.key === 'institutionalRate')!;
    expect([rate.value, rate.prev, rate.change]).toEqual([0.6, 0.34, 0.26]);
    // A count's change stays relative: 30 after 17 institutional persons.
    expect(s.total.find((f) => f.key === 'institutional')!.change).toBeCloseTo(30 / 17 - 1);
  });
});
