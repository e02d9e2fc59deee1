import { Alert, Button, Card, Descriptions, Form, Input, Modal, Result, Select, Space, Spin, Tag, Timeline, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { showFieldErrors, type NamePath } from '../registry/fieldErrors.ts';
import { acceptReferral, fetchReferral, recordReferralAction, returnReferralResult, type Outcome, type ReferralDetail } from './api.ts';
import { codeLabel, deptLabel, needLabel, OUTCOMES, todayInChina } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { validatedValues } from '../../forms/validated.ts';

type StepKind = 'accept' | 'act' | 'result';

/** 转办事项: the referral, its events, and the partner's steps (accept, record action, return result). */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const t = useT();
  const programmes = useProgrammes();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<StepKind | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchReferral(Number(id)), [id, version]);
  const r = data.data;
  if (data.error) {
    const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/intake/referrals">{t('intake.referrals.back')}</Link>} />;
  }
  if (!r) return <Spin style={{ display: 'block', padding: 48 }} />;
  const handle = can(me, 'intake.handle');

  return (
    <>
      <IntakeNav />
      {toastHolder}
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="referral-page">
        <Card
          title={
            <Space>
              {t('intake.referral.title', { id: r.id })}
              <Tag color={r.closed ? 'green' : 'blue'} data-testid="referral-status-tag">{codeLabel(t, 'intake.partStatus', r.status)}</Tag>
              {r.overdue && <Tag color="red">{t('intake.overdueDays', { days: r.workingDaysOverdue })}</Tag>}
            </Space>
          }
          extra={<Link to="/intake/referrals">{t('intake.referrals.back')}</Link>}
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="referral-facts">
            <Descriptions.Item label={t('intake.col.requestNo')}>
              {can(me, 'intake.read') ? <Link to={`/intake/${r.requestNo}`}>{r.requestNo}</Link> : r.requestNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.col.department')}>{deptLabel(t, r.department)}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.need')}>{needLabel(t, programmes, r.need, r.needLabel)}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.person')}>{r.personName}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.idNumber')}>{r.personIdNumber}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.phone')}>{r.personPhone || t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.referredOn')}>{r.referredOn}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.dueDate')}>
              {r.dueDate ?? t('intake.dash')}
              {r.timeLimitWorkingDays !== null && ` (${t('intake.workingDays', { days: r.timeLimitWorkingDays })})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.col.closedOn')}>{r.closedOn ?? t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.outcome')}>{r.outcome ? codeLabel(t, 'intake.outcome', r.outcome, r.outcomeLabel) : t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.referral.result')} span={2}>{r.result ?? t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.part.note')} span={3}>{r.note || t('intake.dash')}</Descriptions.Item>
          </Descriptions>
          {handle && !r.closed && (
            <Space style={{ marginTop: 16 }}>
              {r.status === 'referred' && (
                <Button type="primary" data-testid="referral-accept" onClick={() => setOpen('accept')}>{t('intake.referral.accept')}</Button>
              )}
              {r.status === 'accepted' && (
                <>
                  <Button data-testid="referral-act" onClick={() => setOpen('act')}>{t('intake.referral.act')}</Button>
                  <Button type="primary" data-testid="referral-result" onClick={() => setOpen('result')}>{t('intake.referral.returnResult')}</Button>
                </>
              )}
            </Space>
          )}
        </Card>
        {/* What the window recorded, so the department does not ask the person again. */}
        <Card title={t('intake.referral.situation')} data-testid="referral-situation">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('intake.form.description')}>{r.description || t('intake.dash')}</Descriptions.Item>
          </Descriptions>
          <AssessmentView assessment={r.assessment} testId="referral-assessment" />
        </Card>
        <Card title={t('intake.referral.events')}>
          <Timeline
            data-testid="referral-events"
            items={r.events.map((e) => ({
              color: e.action === 'close' ? 'green' : 'blue',
              children: t('intake.referral.event', { date: e.date, action: codeLabel(t, 'intake.event', e.action), actor: e.actorDisplayName ?? t('audit.system'), note: e.note || t('intake.dash') }),
            }))}
          />
        </Card>
      </Space>
      {open && (
        <StepModal
          kind={open}
          referral={r}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setVersion((v) => v + 1);
            void toast.success(t('intake.referral.done'));
          }}
        />
      )}
    </>
  );
}

interface StepValues {
  date: string;
  note?: string;
  outcome?: Outcome;
  result?: string;
}

const STEP_FIELDS = new Set(['date', 'note', 'outcome', 'result']);
const onForm = (path: NamePath) => path.length === 1 && typeof path[0] === 'string' && STEP_FIELDS.has(path[0]);

function StepModal({ kind, referral, onClose, onDone }: { kind: StepKind; referral: ReferralDetail; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const title = t(kind === 'accept' ? 'intake.referral.accept' : kind === 'act' ? 'intake.referral.act' : 'intake.referral.returnResult');

  const submit = async () => {
    setErrors([]);
    const v = await validatedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      if (kind === 'accept') await acceptReferral(referral.id, { date: v.date, note: v.note ?? '' });
      else if (kind === 'act') await recordReferralAction(referral.id, { date: v.date, note: v.note ?? '' });
      else await returnReferralResult(referral.id, { date: v.date, outcome: v.outcome ?? 'assisted', result: v.result ?? '' });
      onDone();
    } catch (err) {
      setErrors(showFieldErrors(form, err, { onForm }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={title} cancelText={t('intake.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'referral-step-submit' }}>
      <Form form={form} name="referralStep" layout="vertical" initialValues={{ date: todayInChina() }}>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('intake.listSep'))} style={{ marginBottom: 16 }} data-testid="referral-step-error" />}
        <Form.Item name="date" label={t('intake.referral.date')} rules={required(t('intake.referral.date'))}>
          <DateInput min={referral.acceptedOn ?? referral.referredOn} max={todayInChina()} />
        </Form.Item>
        {kind === 'result' ? (
          <>
            <Form.Item name="outcome" label={t('intake.col.outcome')} rules={required(t('intake.col.outcome'))}>
              <Select options={OUTCOMES.map((o) => ({ value: o, label: codeLabel(t, 'intake.outcome', o) }))} />
            </Form.Item>
            <Form.Item name="result" label={t('intake.referral.result')} rules={[...required(t('intake.referral.result')), { min: 2, message: t('intake.min2') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="note" label={t(kind === 'act' ? 'intake.referral.actNote' : 'intake.part.note')} rules={kind === 'act' ? [...required(t('intake.referral.actNote')), { min: 2, message: t('intake.min2') }] : []}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
