import { Alert, Button, Card, Col, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { can } from '../auth/permissions.ts';
import { useMemo } from 'react';
import { fetchTree } from '../api/areas.ts';
import type { AreaNode } from '../api/types.ts';
import { useApiData } from '../api/useApiData.ts';
import { useCurrentUser } from '../auth/context.ts';
import { BarList } from '../charts/BarList.tsx';
import { useT } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

interface Bars {
  title: MessageKey;
  names: string[];
  values: number[];
}

/** Townships per county (or villages per township for users below county level). */
function barsOf(root: AreaNode): Bars {
  if (root.level === 'prefecture') {
    return {
      title: 'dashboard.chart.townshipsPerCounty',
      names: root.children.map((c) => c.name),
      values: root.children.map((c) => c.childCount),
    };
  }
  return {
    title: root.level === 'county' ? 'dashboard.chart.townshipsPerCounty' : 'dashboard.chart.villagesPerTownship',
    names: [root.name],
    values: [root.childCount],
  };
}

export default function DashboardPage() {
  const user = useCurrentUser();
  const t = useT();
  const tree = useApiData(() => fetchTree(2), [user.id]);
  const bars = useMemo(() => (tree.data ? barsOf(tree.data) : undefined), [tree.data]);

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={10}>
        <Card data-testid="welcome-card">
          <Typography.Title level={3}>{t('dashboard.welcome', { name: user.displayName })}</Typography.Title>
          <Typography.Paragraph>{t('dashboard.intro', { area: user.areaName })}</Typography.Paragraph>
          <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
          {can(user, 'stats.read') && (
            <Typography.Paragraph style={{ marginTop: 16 }}>
              <Link to="/stats"><Button type="primary" data-testid="dashboard-stats-link">{t('stats.home.link')}</Button></Link>
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={bars ? t(bars.title) : t('dashboard.chart.townshipsPerCounty')}>
          {tree.error && <Alert type="error" message={t('common.loadFailed', { message: tree.error.message })} />}
          {tree.loading && <Skeleton active />}
          {/* Plain bars, not ECharts: the first page after signing in loads no chart library. */}
          {bars && <BarList names={bars.names} values={bars.values} label={t('dashboard.chart.series')} testId="dashboard-chart" />}
        </Card>
      </Col>
    </Row>
  );
}
