import { Alert, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiData } from '../api/useApiData.ts';
import { useProgrammes } from '../api/useProgrammes.ts';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/context.ts';
import { AreaPath } from '../components/AreaPath.tsx';
import { useT } from '../i18n/context.ts';
import { fetchTodo, type TodoCardView, type TodoOverdueView } from './home/api.ts';

/** One card of work: what, how many (and how many overdue); the whole card opens the filtered list. */
function TodoCard({ card }: { card: TodoCardView }) {
  const t = useT();
  const programmes = useProgrammes();
  const title = card.kind !== 'case_state' ? t(`home.todo.kind.${card.kind}`)
    : `${programmes.short(card.programme ?? '', card.label)} · ${programmes.state(card.programme ?? undefined, card.state ?? '', card.label)}`;
  const testId = card.kind === 'case_state' ? `todo-card-${card.programme ?? ''}-${card.state ?? ''}` : `todo-card-${card.kind}`;
  return (
    <Link to={card.link} data-testid={testId}>
      <Card hoverable size="small">
        <Typography.Text type="secondary">{title}</Typography.Text>
        <div style={{ fontSize: 24, lineHeight: 1.5 }}>{card.count} <span style={{ fontSize: 14 }}>{t('home.todo.count')}</span></div>
        {card.overdue > 0 ? <Tag color="red">{t('home.todo.overdue', { count: card.overdue })}</Tag> : <Typography.Text type="secondary">{t('home.todo.open')}</Typography.Text>}
      </Card>
    </Link>
  );
}

/** An overdue item: what and whose (opening it), where (the area's full path), due when and how late. Plain markup: the home page stays light (no list or table component). */
function OverdueItem({ item }: { item: TodoOverdueView }) {
  const t = useT();
  return (
    <li data-testid={`overdue-${item.ref}`} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Row gutter={[8, 4]} justify="space-between" align="middle">
        <Col>
          <Space size={4} wrap><Tag>{t(`home.overdue.item.${item.kind}`)}</Tag>{item.label}<Link to={item.link}>{item.ref}</Link>{item.name}</Space>
          <div><AreaPath names={item.areaPath} /></div>
        </Col>
        <Col>
          <Space size={12} wrap>
            <span>{t('home.overdue.col.due')} {item.due}</span>
            <Typography.Text type="danger">{t('home.overdue.col.late')} {t('home.overdue.days', { days: item.daysOverdue })}</Typography.Text>
          </Space>
        </Col>
      </Row>
    </li>
  );
}

/**
 * 首页: the signed-in user's 待办 — a card per kind of work with its count and overdue count, each opening the
 * filtered list — and the oldest overdue items with where they belong; statistics are one link away.
 */
export default function DashboardPage() {
  const user = useCurrentUser();
  const t = useT();
  const todo = useApiData(fetchTodo, [user.id]);
  const cards = (todo.data?.cards ?? []).filter((c) => c.count > 0);
  const r = todo.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card data-testid="welcome-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('dashboard.welcome', { name: user.displayName })}</Typography.Title>
        <Typography.Paragraph>{t('dashboard.intro', { area: user.areaName })}</Typography.Paragraph>
        <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
      </Card>
      <Card title={t('home.todo.title')} extra={r && <Typography.Text type="secondary">{t('home.todo.asOf', { date: r.asOf })}</Typography.Text>} data-testid="todo">
        {todo.error && <Alert type="error" message={t('home.todo.loadFailed', { message: todo.error.message })} />}
        {todo.loading && <Skeleton active />}
        {r && cards.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<><div>{t('home.todo.empty')}</div><Typography.Text type="secondary">{t('home.todo.emptyHint')}</Typography.Text></>} data-testid="todo-empty" />
        )}
        {cards.length > 0 && (
          <Row gutter={[16, 16]} data-testid="todo-cards">
            {cards.map((c) => <Col xs={12} md={8} xl={6} key={`${c.kind}-${c.programme ?? ''}-${c.state ?? ''}`}><TodoCard card={c} /></Col>)}
          </Row>
        )}
      </Card>
      {r && r.overdueTotal > 0 && (
        <Card title={<Space>{t('home.overdue.title')}<Tag color="red">{r.overdueTotal}</Tag></Space>} data-testid="todo-overdue">
          <Typography.Paragraph type="secondary">{t('home.overdue.total', { total: r.overdueTotal, shown: r.overdue.length })}</Typography.Paragraph>
          <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {r.overdue.map((i) => <OverdueItem key={`${i.kind}-${i.ref}-${i.link}`} item={i} />)}
          </ol>
        </Card>
      )}
      {can(user, 'stats.read') && (
        <Card size="small" title={t('home.stats.title')}>
          <Space wrap>
            <Typography.Text type="secondary">{t('home.stats.hint')}</Typography.Text>
            <Link to="/stats" data-testid="dashboard-stats-link">{t('stats.home.link')}</Link>
          </Space>
        </Card>
      )}
    </Space>
  );
}
