import { Alert, Badge, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
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
        <Statistic title={title} value={card.count} suffix={t('home.todo.count')} />
        {card.overdue > 0 ? <Tag color="red">{t('home.todo.overdue', { count: card.overdue })}</Tag> : <Typography.Text type="secondary">{t('home.todo.open')}</Typography.Text>}
      </Card>
    </Link>
  );
}

function useOverdueColumns(): ColumnsType<TodoOverdueView> {
  const t = useT();
  return [
    { key: 'what', title: t('home.overdue.col.what'), render: (_, i) => <Space size={4}><Tag>{t(`home.overdue.item.${i.kind}`)}</Tag>{i.label}</Space> },
    { key: 'ref', title: t('home.overdue.col.ref'), render: (_, i) => <Link to={i.link}>{i.ref}</Link> },
    { key: 'name', title: t('home.overdue.col.name'), dataIndex: 'name' },
    { key: 'where', title: t('home.overdue.col.where'), render: (_, i) => <AreaPath names={i.areaPath} /> },
    { key: 'due', title: t('home.overdue.col.due'), dataIndex: 'due' },
    { key: 'late', title: t('home.overdue.col.late'), render: (_, i) => <Typography.Text type="danger">{t('home.overdue.days', { days: i.daysOverdue })}</Typography.Text> },
  ];
}

/**
 * 首页: the signed-in user's 待办 — a card per kind of work with its count and overdue count, each opening the
 * filtered list — and the oldest overdue items with where they belong; statistics are one link away.
 */
export default function DashboardPage() {
  const user = useCurrentUser();
  const t = useT();
  const todo = useApiData(fetchTodo, [user.id]);
  const columns = useOverdueColumns();
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
        <Card title={<Space>{t('home.overdue.title')}<Badge count={r.overdueTotal} overflowCount={9999} /></Space>} data-testid="todo-overdue">
          <Typography.Paragraph type="secondary">{t('home.overdue.total', { total: r.overdueTotal, shown: r.overdue.length })}</Typography.Paragraph>
          <Table<TodoOverdueView> rowKey={(i) => `${i.kind}-${i.ref}-${i.link}`} size="small" pagination={false} dataSource={r.overdue} columns={columns} scroll={{ x: 'max-content' }} />
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
