// A programme's figures from the roll-up's sums, by the rules it declares (src/programmes/stats.ts):
// pure, one pass in declaration order (a ratio or difference reads figures declared before it).
// Money in fen, ratios as fractions; null where a denominator is 0; the change is now ÷ then − 1, of a
// ratio (a rate) now − then in percentage points as a fraction (39% after 35%: 0.04, not 11.43%).
import { HUKOU, type FigureRule, type FigureValue, type Hukou, type RegistryFigure } from '../../../programmes/stats.ts';
import type { StatsProgramme } from './catalogue.ts';
import { programmeMetric } from './metrics.ts';

/** The roll-up's fields summed over a unit's rows (read.ts: `UnitMetric`). */
export type SumField = 'stock' | 'stock_prev' | 'months' | 'months_prev' | 'flow' | 'flow_prev' | 'overdue' | 'snapshot';

export interface FigureContext {
  sum(metric: string, field: SumField): number;
  registry(figure: RegistryFigure): number;
  /** The plain mean of a parameter over the unit's county-level units, on the period's last day and a year earlier. */
  parameter(name: string): { now: number | null; prev: number | null };
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const perPerson = (a: number, persons: number) => (persons === 0 ? null : Math.round(a / persons));
export const changeOf = (now: number | null, prev: number | null) => (now === null || prev === null || prev === 0 ? null : now / prev - 1);
/** A rate's change: the difference, in percentage points as a fraction. */
export const pointsOf = (now: number | null, prev: number | null) => (now === null || prev === null ? null : Math.round((now - prev) * 1e10) / 1e10);

export function evaluate(p: StatsProgramme, ctx: FigureContext): Map<string, FigureValue> {
  const metrics = (metric: string, hukou: Hukou | undefined) => (hukou ? [hukou] : HUKOU).map((h) => programmeMetric(p.code, h, metric));
  const sum = (metric: string, hukou: Hukou | undefined, field: SumField) => metrics(metric, hukou).reduce((a, m) => a + ctx.sum(m, field), 0);
  // Over a period: a monthly metric is a stock summed over the months; a one-off metric is a flow.
  const [over, overPrev]: [SumField, SumField] = p.schedule === 'monthly' ? ['months', 'months_prev'] : ['flow', 'flow_prev'];
  const raw = new Map<string, { value: number | null; prev: number | null }>();
  const got = (key: string) => raw.get(key) ?? { value: null, prev: null };
  const rawOf = (r: FigureRule): { value: number | null; prev: number | null } => {
    switch (r.kind) {
      case 'stock': return { value: sum(r.metric, r.hukou, 'stock'), prev: sum(r.metric, r.hukou, 'stock_prev') };
      case 'total': return { value: sum(r.metric, r.hukou, over), prev: sum(r.metric, r.hukou, overPrev) };
      case 'perPersonMonth': return {
        value: perPerson(sum(r.metric, r.hukou, over), sum('persons', r.hukou, over)),
        prev: perPerson(sum(r.metric, r.hukou, overPrev), sum('persons', r.hukou, overPrev)),
      };
      case 'ratio': return { value: ratio(got(r.of).value, got(r.to).value), prev: ratio(got(r.of).prev, got(r.to).prev) };
      case 'difference': {
        const [a, b] = [got(r.of), got(r.minus)];
        return { value: a.value === null || b.value === null ? null : a.value - b.value, prev: a.prev === null || b.prev === null ? null : a.prev - b.prev };
      }
      case 'sum': {
        const parts = r.of.map(got);
        const add = (vs: (number | null)[]) => (vs.every((v) => v === null) ? null : vs.reduce<number>((a, v) => a + (v ?? 0), 0));
        return { value: add(parts.map((x) => x.value)), prev: add(parts.map((x) => x.prev)) };
      }
      case 'registry': return { value: ctx.registry(r.figure), prev: null };
      case 'parameterMean': {
        const m = ctx.parameter(r.parameter);
        return { value: m.now, prev: m.prev };
      }
    }
  };
  const out = new Map<string, FigureValue>();
  for (const f of p.figures) {
    const v = rawOf(f.rule);
    raw.set(f.key, v);
    out.set(f.key, f.compare ? { value: v.value, prev: v.prev, change: f.unit === 'ratio' ? pointsOf(v.value, v.prev) : changeOf(v.value, v.prev) } : { value: v.value, prev: null, change: null });
  }
  return out;
}
