import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { FUND_SOURCES, type Execution, type FundSource } from '../../../../src/modules/funds/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import * as funds from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';

type Values = Record<string, unknown>;
type Dialog = 'budget' | 'transfer' | 'plan' | null;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** fen → 万元 with two decimals */
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

/** 资金管理: execution by county against the months elapsed (behind highlighted), budgets, transfers received, 减量 plans. */
export default function FundsPage() {
  const t = useT();
  const me = useCurrentUser();
  const manages = can(me, 'funds.manage') && me.role !== 'auditor';
  const plans = can(me, 'funds.plan');
  const [year, setYear] = useState(() => Number(today().slice(0, 4)));
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reload, setReload] = useState(0);
  const exec = useApiData(() => funds.execution(year, asOf), [year, asOf, reload]);
  const budgets = useApiData(() => funds.listBudgets(year), [year, reload]);
  const transfers = useApiData(() => funds.listTransfers(year), [year, reload]);
  const planList = useApiData(() => funds.listPlans(), [reload]);
  const err = [exec, budgets, transfers, planList].find((d) => d.error)?.error;
  const sourceLabel = (s: FundSource) => t(`funds.source.${s}` as MessageKey);
  const add = (d: Dialog, testId: string, allowed: boolean) => allowed && <Button type="primary" onClick={() => setDialog(d)} data-testid={testId}>{t('funds.add')}</Button>;
  const empty = { emptyText: t('common.noData') };
  return (
    <Card title={t('funds.title')} extra={<Space>
      <span>{t('funds.year')}</span><InputNumber aria-label={t('funds.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} data-testid="funds-year" />
    </Space>}>
      {err && <Alert type="error" showIcon message={t('common.loadFailed', { message: err.message })} />}
      <Tabs items={[
        { key: 'execution', label: t('funds.tab.execution'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space><span>{t('funds.asOf')}</span><DateInput value={asOf ?? ''} onChange={(v) => setAsOf(v || undefined)} style={{ width: 160 }} /></Space>
            {exec.data && <ExecutionTable e={exec.data} />}
          </Space>
        ) },
        { key: 'budgets', label: t('funds.tab.budgets'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {add('budget', 'funds-new-budget', manages)}
            <Table size="small" rowKey="id" loading={budgets.loading} dataSource={budgets.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'c', title: t('funds.col.county'), dataIndex: 'countyName' },
              { key: 'p', title: t('funds.col.programme'), dataIndex: 'programmeLabel' },
              { key: 's', title: t('funds.col.source'), render: (_, b) => sourceLabel(b.source) },
              { key: 'e', title: t('funds.col.earmark'), render: (_, b) => b.earmark || '—' },
              { key: 'a', title: t('funds.col.amount'), align: 'right', render: (_, b) => wan(b.amountFen) },
              { key: 'd', title: t('funds.col.document'), dataIndex: 'document' },
            ]} />
          </Space>
        ) },
        { key: 'transfers', label: t('funds.tab.transfers'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {add('transfer', 'funds-new-transfer', manages)}
            <Table size="small" rowKey="id" loading={transfers.loading} dataSource={transfers.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'r', title: t('funds.col.receivedOn'), dataIndex: 'receivedOn' },
              { key: 'c', title: t('funds.col.county'), dataIndex: 'countyName' },
              { key: 'p', title: t('funds.col.programme'), dataIndex: 'programmeLabel' },
              { key: 's', title: t('funds.col.source'), render: (_, x) => sourceLabel(x.source) },
              { key: 'e', title: t('funds.col.earmark'), render: (_, x) => x.earmark || '—' },
              { key: 'a', title: t('funds.col.amount'), align: 'right', render: (_, x) => wan(x.amountFen) },
              { key: 'd', title: t('funds.col.document'), dataIndex: 'document' },
            ]} />
          </Space>
        ) },
        { key: 'plans', label: t('funds.tab.plans'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {add('plan', 'funds-new-plan', plans)}
            <Table size="small" rowKey="id" loading={planList.loading} dataSource={planList.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'c', title: t('funds.col.county'), dataIndex: 'countyName' },
              { key: 'p', title: t('funds.col.programme'), dataIndex: 'programmeLabel' },
              { key: 'd', title: t('funds.col.document'), dataIndex: 'document' },
              { key: 's', title: t('funds.col.startYear'), render: (_, p) => `${p.startYear}–${p.endYear}` },
              { key: 'y', title: t('funds.col.years'), dataIndex: 'years', align: 'right' },
              { key: 'n', title: t('funds.col.total'), dataIndex: 'totalPersons', align: 'right' },
              { key: 't', title: t('funds.col.targets'), render: (_, p) => p.targets.map((x) => `${x.year}：${x.persons}`).join('，') },
            ]} />
          </Space>
        ) },
      ]} />
      {dialog !== null && <DialogForm dialog={dialog} year={year} onClose={() => setDialog(null)} onDone={() => { setDialog(null); setReload((n) => n + 1); }} />}
    </Card>
  );
}

function ExecutionTable({ e }: { e: Execution }) {
  const t = useT();
  const behind = e.items.filter((i) => i.behind).length;
  const rows = [...e.items.map((i) => ({ key: `${i.countyCode}/${i.programme}`, ...i })),
    { key: 'total', countyCode: '', countyName: t('funds.total'), programme: '', programmeLabel: '', ...e.total, receivedRate: null, expected: e.monthsElapsed / 12, behind: false }];
  return (
    <>
      {behind > 0 && <Alert type="warning" showIcon message={t('funds.warnings', { count: behind })} data-testid="funds-behind" />}
      <Typography.Text type="secondary">{e.areaName} {e.year} · {e.asOf} · {t('funds.schedule', { months: e.monthsElapsed, tolerance: pct(e.tolerance) })} · {t('funds.unit')}</Typography.Text>
      <Table size="small" rowKey="key" dataSource={rows} pagination={false} scroll={{ x: true }}
        onRow={(r) => (r.behind ? { style: { background: '#fff1f0' } } : {})} columns={[
          { key: 'c', title: t('funds.col.county'), dataIndex: 'countyName' },
          { key: 'p', title: t('funds.col.programme'), dataIndex: 'programmeLabel' },
          { key: 'b', title: t('funds.col.budget'), align: 'right', render: (_, r) => wan(r.budgetFen) },
          ...FUND_SOURCES.map((s) => ({ key: s, title: t(`funds.source.${s}` as MessageKey), align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => wan(r.budgetBySource[s]) })),
          { key: 'r', title: t('funds.col.received'), align: 'right', render: (_, r) => wan(r.receivedFen) },
          { key: 's', title: t('funds.col.spent'), align: 'right', render: (_, r) => wan(r.spentFen) },
          { key: 'rate', title: t('funds.col.rate'), align: 'right', render: (_, r) => pct(r.rate) },
          { key: 'rr', title: t('funds.col.receivedRate'), align: 'right', render: (_, r) => pct(r.receivedRate) },
          { key: 'x', title: t('funds.col.expected'), align: 'right', render: (_, r) => pct(r.expected) },
          { key: 'st', title: t('funds.col.status'), render: (_, r) => (r.key === 'total' ? null : r.behind ? <Tag color="red">{t('funds.behind')}</Tag> : <Tag color="green">{t('funds.onTrack')}</Tag>) },
        ]} />
    </>
  );
}

function DialogForm({ dialog, year, onClose, onDone }: { dialog: Exclude<Dialog, null>; year: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const programmes = useProgrammes();
  const [form] = Form.useForm<Values>();
  const req = [{ required: true, message: t('funds.required') }];
  const programmeOptions = programmes.items.map((p) => ({ value: p.code, label: programmes.name(p.code) }));
  const county = (dialog === 'plan' || me.areaLevel === 'prefecture') && (
    <Form.Item name="countyCode" label={t('funds.form.county')} rules={req}><AreaTreeSelect root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} /></Form.Item>
  );
  const common = <>
    {county}
    <Form.Item name="programme" label={t('funds.col.programme')} rules={req} initialValue="dibao"><Select options={programmeOptions} /></Form.Item>
  </>;
  const money = <>
    <Form.Item name="source" label={t('funds.col.source')} rules={req}><Select options={FUND_SOURCES.map((s) => ({ value: s, label: t(`funds.source.${s}` as MessageKey) }))} /></Form.Item>
    <Form.Item name="earmark" label={t('funds.col.earmark')}><Input maxLength={50} /></Form.Item>
    <Form.Item name="amountYuan" label={t('funds.form.amountYuan')} rules={req}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
    <Form.Item name="document" label={t('funds.col.document')} rules={req}><Input maxLength={200} /></Form.Item>
  </>;
  const fen = (v: Values) => Math.round(Number(v.amountYuan) * 100);
  const countyCode = (v: Values) => text(v.countyCode);
  let title: MessageKey = 'funds.tab.budgets';
  let body: ReactNode = null;
  let send: (v: Values) => Promise<unknown> = async () => undefined;
  if (dialog === 'budget') {
    body = <>{common}<Form.Item name="year" label={t('funds.year')} rules={req} initialValue={year}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>{money}</>;
    send = (v) => funds.createBudget({ countyCode: countyCode(v), year: v.year, programme: v.programme, source: v.source, earmark: text(v.earmark), amountFen: fen(v), document: v.document });
  } else if (dialog === 'transfer') {
    title = 'funds.tab.transfers';
    body = <>{common}<Form.Item name="receivedOn" label={t('funds.col.receivedOn')} rules={req} initialValue={today()}><DateInput /></Form.Item>{money}</>;
    send = (v) => funds.createTransfer({ countyCode: countyCode(v), receivedOn: v.receivedOn, programme: v.programme, source: v.source, earmark: text(v.earmark), amountFen: fen(v), document: v.document });
  } else {
    title = 'funds.tab.plans';
    const targets = (v: unknown) => String(v ?? '').split(/[,，、\s]+/).filter(Boolean).map(Number);
    body = <>{common}
      <Form.Item name="document" label={t('funds.col.document')} rules={req}><Input maxLength={200} /></Form.Item>
      <Form.Item name="startYear" label={t('funds.col.startYear')} rules={req} initialValue={year}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
      <Form.Item name="targets" label={t('funds.form.targets')} rules={[...req, { validator: async (_, v) => { if (targets(v).some((n) => !Number.isInteger(n) || n < 0)) throw new Error(t('funds.form.targetsBad')); } }]}><Input placeholder="1000,1000,800" /></Form.Item>
    </>;
    send = (v) => funds.createPlan({ countyCode: v.countyCode, programme: v.programme, document: v.document, startYear: v.startYear, targets: targets(v.targets) });
  }
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await send(v);
    onDone();
  }, { amountFen: 'amountYuan' });
  return (
    <Modal open title={t(title)} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('funds.save')} width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">{body}</Form>
    </Modal>
  );
}
