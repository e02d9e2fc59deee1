import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchHistory, type PaymentHistory } from './api.ts';
import { codeLabel, formatYuan, paymentOf } from './format.ts';

/** 发放记录 on the household page: payments month by month, receivables and the household's ledger. */
export function PaymentHistoryTab({ householdNo }: { householdNo: string }) {
  const me = useCurrentUser();
  return can(me, 'payroll.read') ? <History householdNo={householdNo} /> : null;
}

function History({ householdNo }: { householdNo: string }) {
  const t = useT();
  const data = useApiData(() => fetchHistory(householdNo), [householdNo]);
  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />;
  const h = data.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="payment-history">
      <Table<PaymentHistory['payments'][number]> size="small" rowKey={(r) => `${r.payrollNo}-${r.programmeLabel}`} loading={data.loading} dataSource={h?.payments ?? []} pagination={{ pageSize: 12 }} locale={{ emptyText: t('common.noData') }}
        columns={[
          { key: 'period', title: t('payroll.col.period'), dataIndex: 'period' },
          { key: 'payroll', title: t('payroll.col.payrollNo'), render: (_, r) => <Link to={`/payroll/${r.payrollNo}`}>{r.payrollNo}</Link> },
          { key: 'status', title: t('payroll.col.status'), dataIndex: 'statusLabel' },
          { key: 'programme', title: t('payroll.col.programme'), dataIndex: 'programmeLabel' },
          { key: 'regular', title: t('payroll.col.regular'), align: 'right', render: (_, r) => formatYuan(r.regularFen) },
          { key: 'arrears', title: t('payroll.col.arrears'), align: 'right', render: (_, r) => formatYuan(r.arrearsFen) },
          { key: 'oneOff', title: t('payroll.col.oneOff'), align: 'right', render: (_, r) => formatYuan(r.oneOffFen) },
          { key: 'reissue', title: t('payroll.col.reissue'), align: 'right', render: (_, r) => formatYuan(r.reissueFen) },
          { key: 'deduction', title: t('payroll.col.deduction'), align: 'right', render: (_, r) => formatYuan(r.deductionFen) },
          { key: 'net', title: t('payroll.col.net'), align: 'right', render: (_, r) => formatYuan(r.netFen) },
          { key: 'payment', title: t('payroll.col.payment'), render: (_, r) => paymentOf(r) },
          { key: 'account', title: t('payroll.col.account'), render: (_, r) => `${r.bankName} ${r.bankAccount}` },
          { key: 'result', title: t('payroll.col.result'), render: (_, r) => (r.result ? <Tag color={r.result === 'paid' ? 'green' : 'red'}>{codeLabel(t, 'result', r.result)}{r.reasonLabel ? `：${r.reasonLabel}` : ''}</Tag> : '') },
        ]} />
      {h && h.receivables.length > 0 && (
        <>
          <Typography.Title level={5}>{t('payroll.history.receivables')}</Typography.Title>
          <Typography.Text>{t('payroll.history.balance', { amount: formatYuan(h.receivableBalanceFen) })}</Typography.Text>
          <ul>
            {h.receivables.map((r) => (
              <li key={r.id}>{r.decidedOn} {r.reason}：{formatYuan(r.amountFen)}{r.fineFen > 0 ? `；${t('payroll.history.fine', { amount: formatYuan(r.fineFen) })}` : ''}</li>
            ))}
          </ul>
        </>
      )}
      {h && h.ledger.length > 0 && (
        <Table<PaymentHistory['ledger'][number]> size="small" rowKey="id" dataSource={h.ledger} pagination={{ pageSize: 10 }} title={() => t('payroll.history.ledger')}
          columns={[
            { key: 'period', title: t('payroll.col.period'), dataIndex: 'period' },
            { key: 'account', title: t('payroll.col.kind'), render: (_, g) => `${codeLabel(t, 'ledger', g.account)} · ${codeLabel(t, 'kind', g.kind)}` },
            { key: 'amount', title: t('payroll.col.amount'), align: 'right', render: (_, g) => formatYuan(g.amountFen) },
            { key: 'note', title: t('payroll.col.note'), dataIndex: 'note' },
          ]} />
      )}
    </Space>
  );
}
