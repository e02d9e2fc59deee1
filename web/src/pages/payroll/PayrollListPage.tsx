import { Alert, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchPayrolls, runPayroll, type PayrollSummary } from './api.ts';
import { formatYuan, STATUS_COLORS, thisMonth } from './format.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { MonthInput } from '../../components/DateInput.tsx';

/** 发放名册: the payrolls in scope; a county approver runs the month's payroll of the county. */
export default function PayrollListPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useApiData(() => fetchPayrolls({}), []);
  const [form] = Form.useForm<{ period: string; countyCode: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canRun = can(me, 'payroll.run') && me.areaLevel !== 'township' && me.areaLevel !== 'village';

  const run = async () => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await runPayroll(v.period, v.countyCode);
      navigate(`/payroll/${r.payrollNo}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('payroll.list.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {canRun && (
          <Form form={form} layout="inline" name="payroll-run" data-testid="payroll-run-form"
            initialValues={{ period: thisMonth(), countyCode: me.areaLevel === 'county' ? me.areaCode : '' }}>
            <Form.Item name="period" label={t('payroll.run.period')} rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: t('common.required', { field: t('payroll.run.period') }) }]}>
              <MonthInput data-testid="payroll-period" style={{ width: 140 }} />
            </Form.Item>
            {me.areaLevel === 'county' ? (
              <>
                <Form.Item label={t('payroll.run.county')}>
                  <Input value={me.areaName} disabled style={{ width: 160 }} data-testid="payroll-county" aria-label={t('payroll.run.county')} />
                </Form.Item>
                <Form.Item name="countyCode" hidden>
                  <Input />
                </Form.Item>
              </>
            ) : (
              // A county under the user's area, by name; a township or village is not a payroll's area.
              <Form.Item name="countyCode" label={t('payroll.run.county')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('payroll.run.pickCounty') }]}>
                <AreaTreeSelect root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} style={{ minWidth: 200 }} testId="payroll-county" />
              </Form.Item>
            )}
            <Form.Item extra={t('payroll.run.hint')}>
              <Button type="primary" loading={busy} onClick={() => void run()} data-testid="payroll-run">{t('payroll.run.submit')}</Button>
            </Form.Item>
          </Form>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="payroll-error" />}
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        <Table<PayrollSummary>
          data-testid="payroll-table"
          rowKey="payrollNo"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'no', title: t('payroll.col.payrollNo'), render: (_, p) => <Link data-code to={`/payroll/${p.payrollNo}`}>{p.payrollNo}</Link> },
            { key: 'period', title: t('payroll.col.period'), dataIndex: 'period' },
            { key: 'county', title: t('payroll.col.county'), dataIndex: 'countyName' },
            { key: 'status', title: t('payroll.col.status'), render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag> },
            { key: 'lines', title: t('payroll.col.lines'), dataIndex: 'lines', align: 'right' },
            { key: 'net', title: t('payroll.col.net'), align: 'right', render: (_, p) => formatYuan(p.netFen) },
            { key: 'by', title: t('payroll.col.createdBy'), dataIndex: 'createdByName' },
            { key: 'approvedBy', title: t('payroll.col.approvedBy'), render: (_, p) => p.approvedByName ?? '' },
          ]}
        />
      </Space>
    </Card>
  );
}
