import { Alert, Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { useT } from '../../i18n/context.ts';
import { todayInChina } from './api.ts';
import { approveAll, fetchApprovable, type ApprovableCase, type BatchApprovable, type BatchApproved } from './batchApi.ts';
import { yuan } from './format.ts';

/** 批量审批 of a batch (county approver): the preview with the count and the reasons, one confirmation, one request. */
export function BatchApproval({ batchNo, onApproved }: { batchNo: string; onApproved: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<BatchApproved | null>(null);
  const month = (m: string) => t('cases.month', { y: m.slice(0, 4), m: Number(m.slice(5, 7)) });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="batch-approve-open">
        {t('cases.approveAll.open')}
      </Button>
      {done && (
        <Alert type="success" showIcon data-testid="batch-approved" message={t('cases.approveAll.done', { n: done.approved, month: month(done.effectiveMonth), total: yuan(done.totalFen) })} />
      )}
      {open && (
        <ApprovalModal
          batchNo={batchNo}
          month={month}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setDone(r);
            setOpen(false);
            onApproved();
          }}
        />
      )}
    </>
  );
}

function ApprovalModal({ batchNo, month, onClose, onDone }: { batchNo: string; month: (m: string) => string; onClose: () => void; onDone: (r: BatchApproved) => void }) {
  const t = useT();
  const [date, setDate] = useState(todayInChina());
  const preview = useApiData(() => fetchApprovable(batchNo, date), [batchNo, date]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p: BatchApprovable | undefined = preview.data;

  const submit = async () => {
    if (!p) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await approveAll(batchNo, { expectedCount: p.count, date: p.date, effectiveMonth: p.effectiveMonth }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      preview.reload();
    } finally {
      setBusy(false);
    }
  };

  const caseColumns = [
    { key: 'no', title: t('cases.col.caseNo'), render: (_: unknown, c: ApprovableCase) => <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> },
    { key: 'applicant', title: t('cases.col.applicant'), dataIndex: 'applicantName' },
    { key: 'village', title: t('cases.col.village'), dataIndex: 'villageName' },
    { key: 'sampled', title: t('cases.col.sampled'), render: (_: unknown, c: ApprovableCase) => (c.sampled ? <Tag color="red">{t('cases.batch.inSample')}</Tag> : null) },
  ];
  return (
    <Modal
      open
      width={900}
      title={t('cases.approveAll.title', { batchNo })}
      onCancel={onClose}
      data-testid="batch-approve-modal"
      footer={
        <Space>
          <Button onClick={onClose}>{t('cases.cancel')}</Button>
          <Popconfirm
            title={p ? t('cases.approveAll.confirm', { n: p.count, month: month(p.effectiveMonth) }) : ''}
            okText={t('cases.yes')}
            cancelText={t('cases.cancel')}
            onConfirm={() => void submit()}
            disabled={!p || p.count === 0}
          >
            <Button type="primary" loading={busy} disabled={!p || p.count === 0} data-testid="batch-approve-submit">
              {t('cases.approveAll.submit', { n: p?.count ?? 0 })}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <span>{t('cases.approveAll.date')}</span>
          <DateInput value={date} max={todayInChina()} onChange={(v) => v && setDate(v)} />
        </Space>
        {preview.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: preview.error.message })} />}
        {error && <Alert type="error" showIcon message={error} data-testid="batch-approve-error" />}
        {p && (
          <>
            <Alert
              type={p.count > 0 ? 'info' : 'warning'}
              showIcon
              data-testid="batch-approve-count"
              message={p.count > 0 ? t('cases.approveAll.count', { n: p.count, month: month(p.effectiveMonth) }) : t('cases.approveAll.none')}
            />
            {p.approvable.length > 0 && <Typography.Title level={5}>{t('cases.approveAll.ready', { n: p.approvable.length })}</Typography.Title>}
            {p.approvable.length > 0 && <Table<BatchApprovable['approvable'][number]>
              rowKey="caseNo"
              size="small"
              pagination={false}
              dataSource={p.approvable}
              data-testid="batch-approve-ready"
              locale={{ emptyText: t('common.noData') }}
              columns={[
                ...caseColumns,
                { key: 'amount', title: t('cases.approveAll.amount'), align: 'right', render: (_, c) => (c.amountFen === null ? t('cases.dash') : yuan(c.amountFen)) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={caseColumns.length}>{t('cases.approveAll.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{yuan(p.totalFen)}</Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />}
            {p.blocked.length > 0 && (
              <>
                <Typography.Title level={5}>{t('cases.approveAll.blocked', { n: p.blocked.length })}</Typography.Title>
                <Table<BatchApprovable['blocked'][number]>
                  rowKey="caseNo"
                  size="small"
                  pagination={false}
                  dataSource={p.blocked}
                  data-testid="batch-approve-blocked"
                  columns={[
                    ...caseColumns.slice(0, 3),
                    { key: 'state', title: t('cases.col.state'), dataIndex: 'stateLabel' },
                    { key: 'reason', title: t('cases.approveAll.reason'), dataIndex: 'reason', width: '45%' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
