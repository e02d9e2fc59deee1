import { Card, Col, Collapse, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { useLocale, useT } from '../../i18n/context.ts';
import type { Figure, ProgrammeSection } from './api.ts';
import { BasisTag } from './BasisTag.tsx';
import { bars, figureText, pct, points } from './format.ts';

type UnitRow = { code: string; name: string; figures: Figure[] };

/** A change on last year: a percentage, of a rate percentage points. */
function changeText(f: Figure, pointsWord: string): string {
  if (f.unit === 'ratio') return points(f.change, pointsWord);
  return f.change === null ? '—' : `${f.change >= 0 ? '+' : ''}${pct(f.change)}`;
}

/** A column's value: the figure now, a year earlier, or the change (a percentage; of a rate in points). */
function cell(f: Figure | undefined, show: 'value' | 'prev' | 'change', pointsWord: string): string {
  if (!f) return '—';
  if (show === 'change') return f.unit === 'ratio' ? points(f.change, pointsWord) : pct(f.change);
  return figureText(f.unit, show === 'prev' ? f.prev : f.value);
}

/**
 * A programme's card, built from what it declares: its KPIs with the change on last year, its charts by
 * unit, and its statistical table by unit (the columns of its sheet, folded; per county on the
 * prefecture's dashboard) with the total.
 */
export function ProgrammeCard({ section }: { section: ProgrammeSection }) {
  const t = useT();
  const [locale] = useLocale();
  const kpis = section.kpis.flatMap((k) => section.total.filter((f) => f.key === k));
  const charts = useMemo(() => section.charts.map((c) => ({
    key: c.key,
    option: bars(c.title[locale], section.units.map((u) => u.name), c.series.map((s) => ({
      name: s.label[locale],
      values: section.units.map((u) => u.figures.find((f) => f.key === s.figure)?.value ?? 0),
    }))),
  })), [section, locale]);
  const rows: UnitRow[] = useMemo(() => [...section.units, { code: 'total', name: t('stats.col.total'), figures: section.total }], [section, t]);
  const columns: ColumnsType<UnitRow> = useMemo(() => [
    { key: 'name', title: t('stats.col.area'), dataIndex: 'name', fixed: 'left' },
    ...section.table.columns.map((c) => ({
      key: `${c.figure}.${c.show}`, align: 'right' as const,
      title: section.total.find((f) => f.key === c.figure)?.basis === 'decisions' ? <>{c.label[locale]}<BasisTag basis="decisions" /></> : c.label[locale],
      render: (_: unknown, r: UnitRow) => cell(r.figures.find((f) => f.key === c.figure), c.show, t('stats.points')),
    })),
  ], [section, locale, t]);
  const yoy = (f: Figure) => (f.change === null ? t('stats.yoyNone') : t('stats.yoy', { value: changeText(f, t('stats.points')) }));
  return (
    <Card title={section.name[locale]} data-testid={`stats-programme-${section.code}`}>
      <Row gutter={[16, 16]}>
        {kpis.map((f) => (
          <Col xs={12} xl={8} key={f.key} data-testid={`stats-kpi-${section.code}-${f.key}`}>
            <Statistic title={f.basis === 'decisions' ? <>{f.label[locale]}<BasisTag basis="decisions" /></> : f.label[locale]} value={figureText(f.unit, f.value)} />
            {f.compare && <span>{yoy(f)}</span>}
          </Col>
        ))}
      </Row>
      {charts.map((c) => <EChart key={c.key} option={c.option} testId={`stats-chart-${section.code}-${c.key}`} height={320} />)}
      <Collapse ghost items={[{
        key: 'table',
        label: `${section.table.title[locale]}（${t('stats.programmeTable')}）`,
        children: <Table<UnitRow> rowKey="code" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 'max-content' }} data-testid={`stats-table-${section.code}`} />,
      }]} />
    </Card>
  );
}
