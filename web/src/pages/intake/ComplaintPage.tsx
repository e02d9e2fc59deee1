import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Result, Select, Space, Spin, Steps, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { showFieldErrors, type NamePath } from '../registry/fieldErrors.ts';
import {
  assignComplaint, closeComplaint, concludeComplaint, fetchComplaint, recordFeedback, recordRecovery,
  type ComplaintDetail, type Conclusion, type FeedbackChannel,
} from './api.ts';
import { codeLabel, CONCLUSIONS, FEEDBACK_CHANNELS, formatYuan, todayInChina, yuanToFen } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';
import { validatedValues } from '../../forms/validated.ts';
import { AreaPath } from '../../components/AreaPath.tsx';

type StepKind = 'assign' | 'conclude' | 'feedback' | 'close' | 'recovery';
const STATUS_ORDER = ['received', 'assigned', 'concluded', 'closed'];

/** 举报: the complaint, its investigation, feedback to the complainant and fraud recoveries. */
export default function ComplaintPage() {
  const { complaintNo = '' } = useParams();
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<StepKind | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchComplaint(complaintNo), [complaintNo, version]);
  const c = data.data;
  if (data.error) {
    const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/intake/complaints">{t('complaint.back')}</Link>} />;
  }
  if (!c) return <Spin style={{ display: 'block', padding: 48 }} />;
  const write = can(me, 'complaints.write');
  const substantiated = c.conclusion === 'substantiated' || c.conclusion === 'partly_substantiated';
  const button = (kind: StepKind, label: string, primary = false) => (
    <Button key={kind} type={primary ? 'primary' : 'default'} data-testid={`complaint-${kind}`} onClick={() => setOpen(kind)}>{label}</Button>
  );

  return (
    <>
      <IntakeNav />
      {toastHolder}
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="complaint-page">
        <Card
          title={
            <Space>
              {t('complaint.detail.title', { no: c.complaintNo })}
              <Tag color={c.status === 'closed' ? 'green' : 'blue'} data-testid="complaint-status">{codeLabel(t, 'complaint.status', c.status, c.statusLabel)}</Tag>
              {c.caseFlagged && <Tag color="red">{t('complaint.caseFlagged')}</Tag>}
            </Space>
          }
          extra={<Link to="/intake/complaints">{t('complaint.back')}</Link>}
        >
          <Steps size="small" style={{ marginBottom: 16 }} current={STATUS_ORDER.indexOf(c.status)} items={STATUS_ORDER.map((s) => ({ title: codeLabel(t, 'complaint.status', s) }))} />
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('complaint.col.receivedOn')}>{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.col.channel')}>{c.viaPortal ? t('complaint.channel.portal') : codeLabel(t, 'complaint.channel', c.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.col.complainant')}>
              {c.anonymous ? t('complaint.anonymous') : `${c.complainantName ?? ''} ${c.complainantPhone ?? ''}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaint.col.subject')}>
              {codeLabel(t, 'complaint.subject', c.subjectKind)}{' '}
              {c.caseNo ? <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> : c.subjectName}
              {!c.caseNo && c.subjectKind === 'recipient' && <span data-testid="complaint-unlinked">{t('complaint.unlinked')}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaint.col.category')}>{codeLabel(t, 'complaint.category', c.category)}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.detail.area')}><AreaPath names={c.areaPath} testId="complaint-area" /></Descriptions.Item>
            <Descriptions.Item label={t('complaint.form.content')} span={3}>{c.content}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.detail.assignee')}>{c.assignee ? `${c.assignee} (${c.assignedOn ?? ''})` : t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.detail.conclusion')}>{c.conclusion ? `${codeLabel(t, 'complaint.conclusion', c.conclusion)} (${c.concludedOn ?? ''})` : t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.detail.closedOn')}>{c.closedOn ?? t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.detail.finding')} span={3}>{c.finding ?? t('intake.dash')}</Descriptions.Item>
          </Descriptions>
          {write && c.status !== 'closed' && (
            <Space style={{ marginTop: 16 }} wrap>
              {(c.status === 'received' || c.status === 'assigned') && button('assign', t('complaint.action.assign'), c.status === 'received')}
              {c.status === 'assigned' && button('conclude', t('complaint.action.conclude'), true)}
              {!c.anonymous && button('feedback', t('complaint.action.feedback'))}
              {c.status === 'concluded' && button('close', t('complaint.action.close'), true)}
            </Space>
          )}
        </Card>
        <Card title={t('complaint.detail.feedback')}>
          {c.anonymous ? (
            <Typography.Text type="secondary">{t('complaint.detail.anonymousNoFeedback')}</Typography.Text>
          ) : (
            <Table
              data-testid="complaint-feedback-list"
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={c.feedback}
              locale={{ emptyText: t('complaint.detail.noFeedback') }}
              columns={[
                { key: 'date', title: t('complaint.feedback.date'), dataIndex: 'date' },
                { key: 'channel', title: t('complaint.feedback.channel'), render: (_, f) => codeLabel(t, 'complaint.feedbackChannel', f.channel) },
                { key: 'content', title: t('complaint.feedback.content'), dataIndex: 'content' },
                { key: 'by', title: t('complaint.feedback.by'), dataIndex: 'recordedBy' },
              ]}
            />
          )}
        </Card>
        {c.caseNo && (
          <Card title={t('complaint.detail.recoveries')} extra={write && substantiated && button('recovery', t('complaint.action.recovery'))}>
            <Table
              data-testid="complaint-recovery-list"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.recoveries}
              locale={{ emptyText: t('common.noData') }}
              columns={[
                { key: 'decidedOn', title: t('complaint.recovery.decidedOn'), dataIndex: 'decidedOn' },
                { key: 'obtained', title: t('complaint.recovery.obtained'), render: (_, r) => t('intake.amount', { amount: formatYuan(r.obtainedFen) }) },
                { key: 'recovered', title: t('complaint.recovery.recovered'), render: (_, r) => t('intake.amount', { amount: formatYuan(r.recoveredFen) }) },
                { key: 'multiple', title: t('complaint.recovery.fineMultiple'), render: (_, r) => t('complaint.recovery.times', { n: r.fineMultiple }) },
                { key: 'fine', title: t('complaint.recovery.fine'), render: (_, r) => t('intake.amount', { amount: formatYuan(r.fineFen) }) },
                { key: 'note', title: t('complaint.recovery.note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        )}
      </Space>
      {open && (
        <ComplaintStepModal
          kind={open}
          complaint={c}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setVersion((v) => v + 1);
            void toast.success(t('complaint.done'));
          }}
        />
      )}
    </>
  );
}

interface StepValues {
  date?: string;
  assignee?: string;
  conclusion?: Conclusion;
  finding?: string;
  channel?: FeedbackChannel;
  content?: string;
  obtainedYuan?: number;
  recoveredYuan?: number;
  fineMultiple?: number;
  decidedOn?: string;
  note?: string;
}

const STEP_FIELDS = new Set(['date', 'assignee', 'conclusion', 'finding', 'channel', 'content', 'obtainedYuan', 'recoveredYuan', 'fineMultiple', 'decidedOn', 'note']);
const onForm = (path: NamePath) => path.length === 1 && typeof path[0] === 'string' && STEP_FIELDS.has(path[0]);

function ComplaintStepModal({ kind, complaint, onClose, onDone }: { kind: StepKind; complaint: ComplaintDetail; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const obtained = Form.useWatch('obtainedYuan', form);
  const multiple = Form.useWatch('fineMultiple', form);
  const no = complaint.complaintNo;
  const titles: Record<StepKind, string> = {
    assign: t('complaint.action.assign'), conclude: t('complaint.action.conclude'), feedback: t('complaint.action.feedback'),
    close: t('complaint.action.close'), recovery: t('complaint.action.recovery'),
  };

  const submit = async () => {
    setErrors([]);
    const v = await validatedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      if (kind === 'assign') await assignComplaint(no, { assignee: v.assignee ?? '', date: v.date });
      else if (kind === 'conclude') await concludeComplaint(no, { conclusion: v.conclusion ?? 'unsubstantiated', finding: v.finding ?? '', date: v.date });
      else if (kind === 'feedback') await recordFeedback(no, { date: v.date ?? todayInChina(), channel: v.channel ?? 'phone', content: v.content ?? '' });
      else if (kind === 'close') await closeComplaint(no, { date: v.date });
      else {
        await recordRecovery(no, {
          obtainedFen: yuanToFen(v.obtainedYuan ?? 0), recoveredFen: yuanToFen(v.recoveredYuan ?? 0), fineMultiple: v.fineMultiple ?? 1,
          decidedOn: v.decidedOn ?? todayInChina(), note: v.note ?? '',
        });
      }
      onDone();
    } catch (err) {
      // A refusal of the step itself (409: e.g. a named complaint closed before feedback) shows the server's message.
      if (err instanceof ApiError && err.status !== 400) setErrors([err.message]);
      else setErrors(showFieldErrors(form, err, { rename: { obtainedFen: 'obtainedYuan', recoveredFen: 'recoveredYuan' }, onForm }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const date = (name: 'date' | 'decidedOn', label: string, req: boolean) => (
    <Form.Item name={name} label={label} rules={req ? required(label) : []}>
      <DateInput max={todayInChina()} />
    </Form.Item>
  );
  return (
    <Modal open title={titles[kind]} onCancel={onClose} onOk={() => void submit()} okText={titles[kind]} cancelText={t('intake.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'complaint-step-submit' }}>
      <Form form={form} name="complaintStep" layout="vertical" initialValues={{ date: todayInChina(), decidedOn: todayInChina(), fineMultiple: 1, recoveredYuan: 0, channel: 'phone' }}>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('intake.listSep'))} style={{ marginBottom: 16 }} data-testid="complaint-step-error" />}
        {kind === 'assign' && (
          <>
            <Form.Item name="assignee" label={t('complaint.detail.assignee')} rules={required(t('complaint.detail.assignee'))}>
              <Input maxLength={50} />
            </Form.Item>
            {date('date', t('complaint.step.date'), false)}
          </>
        )}
        {kind === 'conclude' && (
          <>
            <Form.Item name="conclusion" label={t('complaint.detail.conclusion')} rules={required(t('complaint.detail.conclusion'))}>
              <Select options={CONCLUSIONS.map((c) => ({ value: c, label: codeLabel(t, 'complaint.conclusion', c) }))} />
            </Form.Item>
            <Form.Item name="finding" label={t('complaint.detail.finding')} rules={[...required(t('complaint.detail.finding')), { min: 2, message: t('intake.min2') }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            {date('date', t('complaint.step.date'), false)}
          </>
        )}
        {kind === 'feedback' && (
          <>
            {date('date', t('complaint.feedback.date'), true)}
            <Form.Item name="channel" label={t('complaint.feedback.channel')} rules={required(t('complaint.feedback.channel'))}>
              <Select options={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: codeLabel(t, 'complaint.feedbackChannel', c) }))} />
            </Form.Item>
            <Form.Item name="content" label={t('complaint.feedback.content')} rules={[...required(t('complaint.feedback.content')), { min: 2, message: t('intake.min2') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {kind === 'close' && date('date', t('complaint.step.date'), false)}
        {kind === 'recovery' && (
          <>
            <Form.Item name="obtainedYuan" label={t('complaint.recovery.obtained')} rules={required(t('complaint.recovery.obtained'))}>
              <InputNumber min={0.01} precision={2} addonAfter={t('intake.yuan')} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="recoveredYuan" label={t('complaint.recovery.recovered')} rules={[...required(t('complaint.recovery.recovered')), nonNegative(t)]}>
              <InputNumber precision={2} addonAfter={t('intake.yuan')} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="fineMultiple"
              label={t('complaint.recovery.fineMultiple')}
              extra={typeof obtained === 'number' && typeof multiple === 'number' ? t('complaint.recovery.finePreview', { amount: formatYuan(Math.round(yuanToFen(obtained) * multiple)) }) : t('complaint.recovery.fineHint')}
              rules={required(t('complaint.recovery.fineMultiple'))}
            >
              <InputNumber min={1} max={3} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
            {date('decidedOn', t('complaint.recovery.decidedOn'), true)}
            <Form.Item name="note" label={t('complaint.recovery.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
