import { Alert, Breadcrumb, Button, Card, Col, List, Row, Select, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useLocale, useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { fetchFigures, fetchWarnings, reportUrl, tablesUrl, type FiguresResult, type Unit, type Warning } from './api.ts';
import { figureText, pct, wanYuan } from './format.ts';
import { ProgrammeCard } from './ProgrammeCard.tsx';
import { BasisTag } from './BasisTag.tsx';
import { AreaPath } from '../../components/AreaPath.tsx';

const YEARS = Array.from({ length: 12 }, (_, i) => 2026 - i);

/** The units table: the area, each programme's KPIs (grouped under its name), intake and complaints. */
function useUnitColumns(r: FiguresResult | undefined, drill: ((code: string) => void) | null): ColumnsType<Unit> {
  const t = useT();
  const [locale] = useLocale();
  return useMemo(() => {
    if (!r) return [];
    const figureOf = (code: string, unit: string, key: string) => r.programmes.find((p) => p.code === code)?.units.find((u) => u.code === unit)?.figures.find((f) => f.key === key);
    return [
      { key: 'name', title: t('stats.col.area'), fixed: 'left', render: (_, u) => (drill ? <a data-testid={`drill-${u.code}`} onClick={() => drill(u.code)}>{u.name}</a> : u.name) },
      ...r.programmes.map((p) => ({
        key: p.code,
        title: p.short[locale],
        children: p.kpis.map((k) => ({
          key: `${p.code}.${k}`,
          title: p.total.find((f) => f.key === k)?.label[locale] ?? k,
          render: (_: unknown, u: Unit) => {
            const f = figureOf(p.code, u.code, k);
            return f ? figureText(f.unit, f.value) : '—';
          },
        })),
      })),
      { key: 'intake', title: t('stats.col.intake'), render: (_, u) => `${u.intakeReceived} / ${u.intakeCompleted}` },
      { key: 'complaints', title: t('stats.col.complaints'), render: (_, u) => `${u.complaintsReceived} / ${u.complaintsSubstantiated}` },
    ];
  }, [r, drill, t, locale]);
}

export default function StatsDashboardPage() {
  const t = useT();
  const [locale] = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const year = Number(params.get('year') ?? '2015');
  const figures = useApiData(() => fetchFigures(area, year), [area, year]);
  const warned = useApiData(() => fetchWarnings(area, year), [area, year]);
  const r = figures.data;
  const go = (next: { area?: string; year?: number }) => {
    const p = new URLSearchParams();
    const a = next.area ?? area;
    if (a) p.set('area', a);
    p.set('year', String(next.year ?? year));
    setParams(p);
  };
  const groups = useMemo(() => {
    const by = new Map<string, Warning[]>();
    for (const w of warned.data?.items ?? []) by.set(w.kind, [...(by.get(w.kind) ?? []), w]);
    return [...by.entries()];
  }, [warned.data]);
  // Up one level only within the user's own area (a county user stops at the county).
  const own = /^\d{4}00$/.test(user.areaCode) ? user.areaCode.slice(0, 4) : user.areaCode;
  const above = r && r.area.level !== 'prefecture' ? (r.area.level === 'county' ? `${r.area.code.slice(0, 4)}00` : r.area.code.slice(0, 6)) : null;
  const parent = above !== null && (above.endsWith('00') ? above.slice(0, 4) : above).startsWith(own) ? above : null;
  const canDrill = r ? r.area.level !== 'township' : false;
  const columns = useUnitColumns(r, canDrill ? (code) => go({ area: code }) : null);
  const shown = (w: Warning) => (w.kind === 'rural_coverage' ? pct(w.value) : String(w.value));
  const warningText = (w: Warning) => t(`stats.warning.${w.kind}` as MessageKey, {
    area: w.areaName,
    label: w.label?.[locale] ?? '',
    value: shown(w),
    threshold: w.threshold === null ? '' : w.kind === 'rural_coverage' ? pct(w.threshold) : w.threshold,
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="stats-dashboard">
      <Card>
        <Space wrap>
          <Breadcrumb separator="›" items={[...(r?.areaPath.slice(0, -1) ?? []).map((name) => ({ title: name })), { title: <span data-testid="stats-area">{r?.area.name ?? '…'}</span> }]} />
          {parent && <Button data-testid="stats-up" onClick={() => go({ area: parent })}>{t('stats.up')}</Button>}
          <span>{t('stats.year')}</span>
          <Select aria-label={t('stats.year')} value={year} style={{ width: 100 }} options={YEARS.map((y) => ({ value: y, label: String(y) }))} onChange={(y) => go({ year: y })} />
          {r && <Button href={reportUrl(r.area.code, year)} data-testid="stats-report">{t('stats.downloadReport')}</Button>}
          {r && <Button href={tablesUrl(r.area.code, year)}>{t('stats.downloadTables')}</Button>}
          {r && (
            <span data-testid="stats-as-of">
              {t('stats.asOf', { time: new Date(r.rollup.asOf).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false }) })}
              {r.rollup.refreshing && t('stats.refreshing', { done: r.rollup.refreshing.done, total: r.rollup.refreshing.total })}
            </span>
          )}
        </Space>
      </Card>
      {figures.error && <Alert type="error" message={t('common.loadFailed', { message: figures.error.message })} />}
      {figures.loading && <Skeleton active />}
      {r && (
        <>
          <Row gutter={[16, 16]}>
            {r.programmes.map((p) => <Col xs={24} xl={12} key={p.code}><ProgrammeCard section={p} /></Col>)}
          </Row>
          <Card title={t('stats.mechanisms')} data-testid="stats-mechanisms">
            <Row gutter={[16, 16]}>
              <Col xs={12} xl={6}><Statistic title={t('stats.kpi.intake')} value={r.total.intakeReceived ?? 0} suffix={`(${pct(r.total.intakeCompletionRate)})`} /></Col>
              <Col xs={12} xl={6}><Statistic title={t('stats.kpi.complaints')} value={r.total.complaintsReceived ?? 0} suffix={`(${r.total.complaintsSubstantiated ?? 0})`} /></Col>
              <Col xs={12} xl={6}><Statistic title={t('stats.kpi.overdue')} value={`${r.total.overdueCases ?? 0} / ${r.total.overdueReferrals ?? 0}`} /></Col>
              <Col xs={12} xl={6}><Statistic title={t('stats.kpi.registry')} value={figureText('households', r.total.registryHouseholds)} /></Col>
              <Col xs={12} xl={6} data-testid="stats-payroll-total"><Statistic title={<>{t('stats.kpi.payroll')}<BasisTag basis="payroll" /></>} value={wanYuan(r.total.payrollNetFen)} /></Col>
              {r.payroll.map((p) => (
                <Col xs={12} xl={6} key={p.programme} data-testid={`stats-payroll-${p.programme}`}>
                  <Statistic title={<>{t('stats.kpi.paid', { name: p.name[locale] })}<BasisTag basis="payroll" /></>} value={wanYuan(p.total.netFen)} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card title={t('stats.warnings')} data-testid="stats-warnings">
            <List
              dataSource={groups}
              locale={{ emptyText: t('stats.warnings.none') }}
              renderItem={([kind, items]) => (
                <List.Item data-testid={`warning-${kind}`}>
                  <List.Item.Meta
                    title={<>{t(`stats.kind.${kind}` as MessageKey)} <Tag color="red">{t('stats.kind.total', { count: items.length })}</Tag></>}
                    // A warning of the county a township user belongs to lists the items within the user's own area.
                    description={<Space wrap size={[4, 4]}>{items.map((w) => (
                      <Link key={`${w.programme ?? ''}${w.areaCode}`} to={`/stats/warnings/${w.kind}?area=${w.areaCode.startsWith(own) ? w.areaCode : user.areaCode}&year=${year}`} title={warningText(w)} data-testid={`warning-${w.kind}-${w.areaCode}`}>
                        <Tag><Space size={4}><AreaPath names={w.areaPath} />{shown(w)}</Space></Tag>
                      </Link>
                    ))}</Space>}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('stats.units')}>
            <Table<Unit> rowKey="code" size="small" pagination={false} dataSource={r.units} data-testid="stats-units" columns={columns} scroll={{ x: 'max-content' }} />
          </Card>
        </>
      )}
    </Space>
  );
}
