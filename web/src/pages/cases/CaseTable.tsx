import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT } from '../../i18n/context.ts';
import type { CaseList, InboxItem } from './api.ts';

/** A keyset-paged list of cases (inbox or overdue), with "load more". */
function useCaseList(fetcher: (after?: string) => Promise<CaseList>) {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<{ n: number; capped: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (after?: string) => {
      setLoading(true);
      setError(null);
      fetcher(after)
        .then((page) => {
          setItems((prev) => (after ? [...prev, ...page.items] : page.items));
          setNext(page.next);
          setTotal({ n: page.total, capped: page.totalCapped });
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
        .finally(() => setLoading(false));
    },
    [fetcher],
  );

  useEffect(() => load(), [load]);
  return { items, next, total, loading, error, loadMore: () => next && load(next) };
}

/** 我的待办 / 超期案件 with the total (共 N 件, or 10000+ 件): programme, applicant, state, due date (red when overdue), the steps awaiting me. */
export function CaseTable({ fetcher, testId }: { fetcher: (after?: string) => Promise<CaseList>; testId: string }) {
  const t = useT();
  const programmes = useProgrammes();
  const list = useCaseList(fetcher);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error })} />}
      {list.total && (
        <Typography.Text data-testid={`${testId}-total`}>
          {list.total.capped ? t('cases.totalCapped', { n: list.total.n }) : t('cases.total', { n: list.total.n })}
        </Typography.Text>
      )}
      <Table<InboxItem>
        data-testid={testId}
        rowKey="caseNo"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { key: 'caseNo', title: t('cases.col.caseNo'), render: (_, c) => <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> },
          { key: 'programme', title: t('cases.col.programme'), render: (_, c) => programmes.name(c.programme) },
          { key: 'village', title: t('cases.col.village'), render: (_, c) => c.villageName ?? c.areaCode },
          { key: 'applicant', title: t('cases.col.applicant'), dataIndex: 'applicantName' },
          { key: 'state', title: t('cases.col.state'), render: (_, c) => <Tag>{c.stateLabel}</Tag> },
          {
            key: 'due',
            title: t('cases.col.dueDate'),
            render: (_, c) => {
              const due = c.dueDate ?? c.reviewDue ?? c.finalDueDate;
              return (
                <Typography.Text type={c.overdue ? 'danger' : undefined} data-overdue={c.overdue ? 'true' : 'false'}>
                  {due ?? t('cases.dash')}
                  {c.overdue && ` · ${t('cases.overdue')}`}
                </Typography.Text>
              );
            },
          },
          {
            key: 'todo',
            title: t('cases.col.todo'),
            render: (_, c) => c.actions.map((a) => a.label).join(t('cases.list')) || t('cases.dash'),
          },
        ]}
      />
      {list.next && (
        <Button onClick={list.loadMore} loading={list.loading}>
          {t('cases.loadMore')}
        </Button>
      )}
    </Space>
  );
}
