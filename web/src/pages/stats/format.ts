// Figures as staff read them: money in yuan (the labels say so), ratios as percentages, counts as is.
import type { FigureUnit } from './api.ts';

export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
/** A rate's change in percentage points (0.26 → +26.00个百分点). */
export const points = (d: number | null, word: string) => (d === null ? '—' : `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(2)}${word}`);
export const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
/** Fen in 10,000 yuan. */
export const wanYuan = (fen: number | null) => (fen === null ? '—' : (fen / 1_000_000).toFixed(2));

export function figureText(unit: FigureUnit, value: number | null): string {
  if (value === null) return '—';
  if (unit === 'ratio') return pct(value);
  if (unit.startsWith('fen')) return yuan(value);
  return String(value);
}

/** ECharts stacked bars per unit. */
export function bars(title: string, units: readonly string[], series: readonly { name: string; values: number[] }[]) {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.values })),
  };
}
