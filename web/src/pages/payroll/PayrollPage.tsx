import { Alert, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { approvePayroll, discardPayroll, fetchLines, fetchPayroll, runPayroll, type Amounts, type PayrollDetail, type PayrollLine } from './api.ts';
import { codeLabel, formatYuan, paymentOf, STATUS_COLORS } from './format.ts';
import { PaymentFiles } from './PaymentFiles.tsx';
import { ReturnsImport } from './ReturnsImport.tsx';

const PAGE = 50;

/** One payroll: status and actions, totals by programme and township, lines page by page, payment files and returns. */
export default function PayrollPage() {
  const { payrollNo = '' } = useParams();
  return <PayrollView key={payrollNo} payrollNo={payrollNo} />;
}

function PayrollView({ payrollNo }: { payrollNo: string }) {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, holder] = message.useMessage();
  const data = useApiData(() => fetchPayroll(payrollNo), [payrollNo, version]);
  const p = data.data;
  // changing a payroll needs the whole county in scope (the server checks it again)
  const county = p !== undefined && (me.areaLevel === 'prefecture' || me.areaCode === p.countyCode);

  const act = async (fn: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (after) after();
      else setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} data-testid="payroll-load-error" />;
  if (!p) return <Card loading />;
  const amountColumns = [
    { key: 'lines', title: t('payroll.col.lines'), align: 'right' as const, render: (_: unknown, a: Amounts) => a.lines },
    { key: 'regular', title: t('payroll.col.regular'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.regularFen) },
    { key: 'arrears', title: t('payroll.col.arrears'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.arrearsFen) },
    { key: 'oneOff', title: t('payroll.col.oneOff'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.oneOffFen) },
    { key: 'reissue', title: t('payroll.col.reissue'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.reissueFen) },
    { key: 'deduction', title: t('payroll.col.deduction'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.deductionFen) },
    { key: 'net', title: t('payroll.col.net'), align: 'right' as const, render: (_: unknown, a: Amounts) => formatYuan(a.netFen) },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Card title={<>{t('payroll.list.title')} <span data-code>{p.payrollNo}</span></>} extra={<Link to="/payroll">{t('payroll.detail.back')}</Link>}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="payroll-header">
            <Descriptions.Item label={t('payroll.col.period')}>{p.period}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.col.county')}>{p.countyName}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.col.status')}><Tag color={STATUS_COLORS[p.status]} data-testid="payroll-status">{p.statusLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('payroll.col.lines')}>{p.total.lines}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.col.net')}><span data-testid="payroll-net">{formatYuan(p.total.netFen)}</span></Descriptions.Item>
            <Descriptions.Item label={t('payroll.col.createdBy')}>{p.createdByName}</Descriptions.Item>
            {p.approvedBy && <Descriptions.Item label={t('payroll.col.approvedBy')}>{p.approvedByName}</Descriptions.Item>}
          </Descriptions>
          {p.status === 'running' && <Alert type="warning" showIcon message={t('payroll.detail.incomplete', { written: p.chunksWritten, total: p.chunksTotal })} />}
          {error && <Alert type="error" showIcon message={error} data-testid="payroll-action-error" />}
          {county && (
            <Space>
              {p.status === 'draft' && can(me, 'payroll.approve') && (
                <Popconfirm title={t('payroll.detail.approveConfirm')} onConfirm={() => void act(async () => { await approvePayroll(payrollNo); void toast.success(t('payroll.detail.approved')); })}>
                  <Button type="primary" loading={busy} data-testid="payroll-approve">{t('payroll.detail.approve')}</Button>
                </Popconfirm>
              )}
              {p.status === 'running' && can(me, 'payroll.run') && (
                <Button loading={busy} onClick={() => void act(() => runPayroll(p.period, p.countyCode))} data-testid="payroll-resume">{t('payroll.detail.resume')}</Button>
              )}
              {(p.status === 'draft' || p.status === 'running') && can(me, 'payroll.run') && (
                <Popconfirm title={t('payroll.detail.discardConfirm')} onConfirm={() => void act(() => discardPayroll(payrollNo), () => navigate('/payroll'))}>
                  <Button danger loading={busy} data-testid="payroll-discard">{t('payroll.detail.discard')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <Table size="small" pagination={false} rowKey="programme" title={() => t('payroll.detail.byProgramme')} data-testid="payroll-by-programme"
            dataSource={[...p.byProgramme, { ...p.total, programme: '', programmeLabel: t('payroll.detail.total'), label: t('payroll.detail.total') }]}
            columns={[{ key: 'programme', title: t('payroll.col.programme'), render: (_, r) => r.programmeLabel }, ...amountColumns]} />
        </Space>
      </Card>
      {county && (p.status === 'approved' || p.status === 'exported') && can(me, 'payroll.export') && <PaymentFiles payrollNo={payrollNo} onExported={() => setVersion((v) => v + 1)} />}
      {county && (p.status === 'approved' || p.status === 'exported') && can(me, 'payroll.returns') && <ReturnsImport payrollNo={payrollNo} onImported={() => setVersion((v) => v + 1)} />}
      <Card title={t('payroll.detail.byTownship')} size="small">
        <Table<PayrollDetail['byTownship'][number]> size="small" rowKey={(r) => `${r.townshipCode}-${r.programme}`} pagination={{ pageSize: 20 }} dataSource={p.byTownship} locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'township', title: t('payroll.col.township'), render: (_, r) => r.townshipName },
            { key: 'programme', title: t('payroll.col.programme'), render: (_, r) => r.programmeLabel },
            ...amountColumns,
          ]} />
      </Card>
      <Lines payrollNo={payrollNo} version={version} townships={townshipsOf(p)} />
    </Space>
  );
}

/** The townships of the payroll the user sees (the server sends only those in scope), each once, in code order. */
function townshipsOf(p: PayrollDetail): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of p.byTownship) if (!seen.has(r.townshipCode)) seen.set(r.townshipCode, r.townshipName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

interface LineFilters {
  township?: string;
  q?: string;
}

/** 发放明细: filtered by township and person (name or ID number) on the server, page by page, with the count. */
function Lines({ payrollNo, version, townships }: { payrollNo: string; version: number; townships: { value: string; label: string }[] }) {
  const t = useT();
  const [items, setItems] = useState<PayrollLine[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<LineFilters>({});
  const [q, setQ] = useState('');
  const townshipName = new Map(townships.map((o) => [o.value, o.label]));
  const load = async (after?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchLines(payrollNo, { limit: PAGE, ...filters, ...(after !== undefined ? { after } : {}) });
      setItems((old) => (after === undefined ? page.items : [...old, ...page.items]));
      setNext(page.next);
      setTotal(page.total);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, [payrollNo, version, filters]);
  const filterBar = (
    <Space wrap data-testid="payroll-lines-filters">
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 180 }}
        placeholder={t('payroll.filter.allTownships')}
        aria-label={t('payroll.col.township')}
        value={filters.township}
        onChange={(v: string | undefined) => setFilters((f) => ({ ...f, township: v || undefined }))}
        options={townships}
        data-testid="payroll-lines-township"
      />
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t('payroll.filter.search')}
        aria-label={t('payroll.filter.search')}
        value={q}
        maxLength={50}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
        data-testid="payroll-lines-search"
      />
      {total !== null && <Typography.Text data-testid="payroll-lines-total">{t('payroll.filter.total', { n: total, shown: items.length })}</Typography.Text>}
    </Space>
  );
  return (
    <Card title={t('payroll.detail.lines')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {filterBar}
        {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: error })} />}
      </Space>
      <Table<PayrollLine> size="small" rowKey="id" pagination={false} loading={loading} dataSource={items} data-testid="payroll-lines" locale={{ emptyText: t('common.noData') }} scroll={{ x: 'max-content' }}
        columns={[
          { key: 'programme', title: t('payroll.col.programme'), render: (_, l) => l.programmeLabel },
          { key: 'township', title: t('payroll.col.township'), render: (_, l) => townshipName.get(l.townshipCode) ?? '' },
          { key: 'household', title: t('payroll.col.householdNo'), render: (_, l) => <Link to={`/households/${l.householdNo}`}>{l.householdNo}</Link> },
          { key: 'name', title: t('payroll.col.name'), dataIndex: 'name' },
          { key: 'id', title: t('payroll.col.idNumber'), dataIndex: 'idNumber' },
          { key: 'payment', title: t('payroll.col.payment'), render: (_, l) => paymentOf(l) },
          { key: 'bank', title: t('payroll.col.bank'), dataIndex: 'bankName' },
          { key: 'account', title: t('payroll.col.account'), dataIndex: 'bankAccount' },
          { key: 'regular', title: t('payroll.col.regular'), align: 'right', render: (_, l) => formatYuan(l.regularFen) },
          { key: 'arrears', title: t('payroll.col.arrears'), align: 'right', render: (_, l) => (l.arrearsFen > 0 ? `${formatYuan(l.arrearsFen)}（${l.arrearsFrom ?? ''}起）` : formatYuan(0)) },
          { key: 'oneOff', title: t('payroll.col.oneOff'), align: 'right', render: (_, l) => formatYuan(l.oneOffFen) },
          { key: 'reissue', title: t('payroll.col.reissue'), align: 'right', render: (_, l) => formatYuan(l.reissueFen) },
          { key: 'deduction', title: t('payroll.col.deduction'), align: 'right', render: (_, l) => formatYuan(l.deductionFen) },
          { key: 'net', title: t('payroll.col.net'), align: 'right', render: (_, l) => formatYuan(l.netFen) },
          { key: 'result', title: t('payroll.col.result'), render: (_, l) => (l.result ? <Tag color={l.result === 'paid' ? 'green' : 'red'}>{codeLabel(t, 'result', l.result)}{l.reasonLabel ? `：${l.reasonLabel}` : ''}</Tag> : '') },
        ]} />
      {next !== null && <Button style={{ marginTop: 8 }} onClick={() => void load(next)} loading={loading} data-testid="payroll-lines-more">{t('payroll.detail.more')}</Button>}
    </Card>
  );
}
