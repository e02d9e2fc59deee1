import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OUTCOMES, OUTREACH_KINDS, TASK_STATUSES, type OutreachGenerated, type OutreachTask } from '../../../../src/modules/outreach/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { generateTasks, listTasks, recordOutcome, type TaskFilter } from './api.ts';

/** What antd's DatePicker hands back (a Dayjs); only its formatting is used. */
interface PickedDate { format: (pattern: string) => string }
type OutcomeValues = { outcome?: string; date?: PickedDate; note?: string; caseNo?: string };
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const PAGE = 20;

/** 政策找人: tasks from the warning lists (eligible but uncovered, near-低保, poverty file uncovered), their generation and outcomes. */
export default function OutreachPage() {
  const t = useT();
  const me = useCurrentUser();
  const root = { code: me.areaCode, name: me.areaName, level: me.areaLevel };
  const [filter, setFilter] = useState<TaskFilter>({ status: 'open', offset: 0, limit: PAGE });
  const [version, setVersion] = useState(0);
  const [generating, setGenerating] = useState(false);
  const [recording, setRecording] = useState<OutreachTask | null>(null);
  const data = useApiData(() => listTasks(filter), [filter, version]);
  const set = (patch: Partial<TaskFilter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <Card title={t('outreach.title')}>
      <Alert type="info" showIcon message={t('outreach.hint')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 140 }} placeholder={t('outreach.filter.status')} aria-label={t('outreach.filter.status')} value={filter.status} onChange={(v?: string) => set({ status: v })}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`outreach.status.${s}`) }))} data-testid="outreach-status" />
        <Select allowClear style={{ width: 200 }} placeholder={t('outreach.filter.kind')} aria-label={t('outreach.filter.kind')} value={filter.kind} onChange={(v?: string) => set({ kind: v })}
          options={OUTREACH_KINDS.map((k) => ({ value: k, label: t(`outreach.kind.${k}`) }))} data-testid="outreach-kind" />
        <AreaTreeSelect root={root} value={filter.village ?? me.areaCode} valueLabel={filter.village ? undefined : me.areaName} onChange={(code) => set({ village: code === me.areaCode ? undefined : code })} style={{ width: 240 }} placeholder={t('outreach.filter.village')} />
        {can(me, 'outreach.generate') && <Button type="primary" onClick={() => setGenerating(true)} data-testid="outreach-generate">{t('outreach.generate')}</Button>}
      </Space>
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      <Table<OutreachTask> size="small" rowKey="id" loading={data.loading} dataSource={data.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }}
        pagination={{ current: filter.offset / filter.limit + 1, pageSize: filter.limit, total: data.data?.total ?? 0, showSizeChanger: false,
          showTotal: (n) => t('outreach.total', { count: n }), onChange: (page) => setFilter((f) => ({ ...f, offset: (page - 1) * f.limit })) }}
        columns={[
          { key: 'v', title: t('outreach.col.village'), render: (_, r) => `${r.townshipName} ${r.villageName}` },
          { key: 'h', title: t('outreach.col.household'), dataIndex: 'householdNo' },
          { key: 'head', title: t('outreach.col.head'), render: (_, r) => r.headName ?? '—' },
          { key: 'k', title: t('outreach.col.kind'), render: (_, r) => <Tag>{t(`outreach.kind.${r.kind}`)}</Tag> },
          { key: 'c', title: t('outreach.col.createdOn'), dataIndex: 'createdOn' },
          { key: 'd', title: t('outreach.col.dueOn'), render: (_, r) => <Space size={4}>{r.dueOn}{r.overdue && <Tag color="red">{t('outreach.overdue')}</Tag>}</Space> },
          { key: 's', title: t('outreach.col.status'), render: (_, r) => <Tag color={r.status === 'open' ? 'blue' : 'default'}>{t(`outreach.status.${r.status}`)}</Tag> },
          { key: 'o', title: t('outreach.col.outcome'), render: (_, r) => (r.outcome ? (
            <Space direction="vertical" size={0}>
              <span>{t(`outreach.outcome.${r.outcome}`)}（{r.outcomeOn}）</span>
              {r.caseNo && <Typography.Text type="secondary">{t('outreach.col.caseNo')}：{r.caseNo}</Typography.Text>}
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
            </Space>
          ) : '—') },
          { key: 'a', title: t('outreach.col.actions'), render: (_, r) => r.mayRecord && <Button size="small" onClick={() => setRecording(r)} data-testid={`outreach-record-${r.id}`}>{t('outreach.record')}</Button> },
        ]} />
      {generating && <GenerateDialog root={root} onClose={() => setGenerating(false)} onDone={() => setVersion((v) => v + 1)} />}
      {recording && <OutcomeDialog task={recording} onClose={() => setRecording(null)} onDone={() => { setRecording(null); setVersion((v) => v + 1); }} />}
    </Card>
  );
}

function GenerateDialog({ root, onClose, onDone }: { root: { code: string; name: string; level: ReturnType<typeof useCurrentUser>['areaLevel'] }; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ area: string; kinds: string[] }>();
  const [result, setResult] = useState<OutreachGenerated | null>(null);
  const { busy, error, submit } = useSubmit(form, async (v) => {
    setResult(await generateTasks({ area: v.area, kinds: v.kinds }));
    onDone();
  });
  if (result) {
    return (
      <Modal open title={t('outreach.generated.title')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('outreach.close')}>
        <Typography.Paragraph>{t('outreach.generated.summary', { area: result.areaName, total: result.total, dueOn: result.dueOn })}</Typography.Paragraph>
        <Table size="small" rowKey="kind" pagination={false} dataSource={result.counts} columns={[
          { key: 'k', title: t('outreach.col.kind'), render: (_, c) => t(`outreach.kind.${c.kind}`) },
          { key: 'n', title: t('outreach.generated.created'), dataIndex: 'created', align: 'right' },
        ]} />
      </Modal>
    );
  }
  return (
    <Modal open title={t('outreach.generate')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('outreach.generate.confirm')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Alert type="warning" showIcon message={t('outreach.generate.warning')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ area: root.code, kinds: [...OUTREACH_KINDS] }}>
        <Form.Item name="area" label={t('outreach.form.area')} rules={[{ required: true, message: t('outreach.form.areaRequired') }]}><AreaTreeSelect root={root} valueLabel={root.name} /></Form.Item>
        <Form.Item name="kinds" label={t('outreach.form.kinds')} rules={[{ required: true, type: 'array', min: 1, message: t('outreach.form.kindsRequired') }]}>
          <Checkbox.Group options={OUTREACH_KINDS.map((k) => ({ value: k, label: t(`outreach.kind.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OutcomeDialog({ task, onClose, onDone }: { task: OutreachTask; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await recordOutcome(task.id, { outcome: v.outcome, date: v.date?.format('YYYY-MM-DD'), note: text(v.note), caseNo: v.outcome === 'applied' ? text(v.caseNo) : undefined });
    onDone();
  });
  const outOfRange = (d: PickedDate) => { const s = d.format('YYYY-MM-DD'); return s < task.createdOn || s > today(); };
  return (
    <Modal open title={t('outreach.record.title', { household: task.householdNo, village: task.villageName })} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('outreach.record.save')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('outreach.record.context', { kind: t(`outreach.kind.${task.kind}`), head: task.headName ?? '—', createdOn: task.createdOn, dueOn: task.dueOn })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="outcome" label={t('outreach.form.outcome')} rules={[{ required: true, message: t('outreach.form.outcomeRequired') }]}>
          <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`outreach.outcome.${o}`) }))} data-testid="outreach-outcome" />
        </Form.Item>
        <Form.Item name="date" label={t('outreach.form.date')} rules={[{ required: true, message: t('outreach.form.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={outOfRange} />
        </Form.Item>
        {outcome === 'applied' && (
          <Form.Item name="caseNo" label={t('outreach.form.caseNo')} extra={t('outreach.form.caseNoHint')} rules={[{ required: true, message: t('outreach.form.caseNoRequired') }]}><Input maxLength={20} /></Form.Item>
        )}
        <Form.Item name="note" label={t('outreach.form.note')}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
