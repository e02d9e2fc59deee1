import { Alert, Form, Input, InputNumber, Modal, Select, type FormRule } from 'antd';
import { nonNegative } from '../../forms/rules.ts';
import { useState, type ReactElement } from 'react';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { GRADES, type ClaimItem } from '../../../../src/modules/housing-insurance/contract.ts';
import type { EventList } from '../../../../src/modules/disaster/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { todayIso } from './dates.ts';
import { useT } from '../../i18n/context.ts';
import { fenToYuan, yuanToFen } from '../registry/money.ts';
import { claimStep, reportClaim } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';

export type ClaimAction = { kind: 'report' } | { kind: 'assess' | 'pay' | 'refuse'; claim: ClaimItem };

type Values = Record<string, string | number | undefined>;
const FIELD_OF: Record<string, string> = { lossFen: 'loss', paidFen: 'paid' };

/** 报案 / 查勘定损 / 登记赔付 / 拒赔: one dialog, amounts entered in yuan. */
export function ClaimDialog({ action, onClose, onDone }: { action: ClaimAction; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();
  // 报案: the county's events to choose from, newest first (nobody types an event number).
  const events = useApiData(() => (action.kind === 'report' ? api<EventList>('/disaster/events?limit=200') : Promise.resolve<EventList>({ items: [], next: null })), [action.kind]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (action.kind === 'report') await reportClaim({ eventNo: String(v.eventNo ?? '').trim(), householdNo: String(v.householdNo ?? '').trim(), reportedOn: v.reportedOn, note: v.note ?? '' });
      else if (action.kind === 'assess') await claimStep(action.claim.claimNo, 'assess', { grade: v.grade, lossFen: yuanToFen(Number(v.loss)), assessedOn: v.assessedOn });
      else if (action.kind === 'pay') await claimStep(action.claim.claimNo, 'pay', { paidFen: yuanToFen(Number(v.paid)), paidOn: v.paidOn, paymentRef: String(v.paymentRef ?? '').trim() });
      else await claimStep(action.claim.claimNo, 'refuse', { reason: String(v.reason ?? '').trim(), refusedOn: v.refusedOn });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
        form.setFields(fields.map((f) => ({ name: FIELD_OF[f.field] ?? f.field, errors: [f.message] })));
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  const title = t(`insurance.claim.${action.kind}`);
  const item = (name: string, label: MessageKey, input: ReactElement, extra: FormRule[] = []) => <Form.Item name={name} label={t(label)} rules={[...required(t(label)), ...extra]}>{input}</Form.Item>;
  return (
    <Modal open title={action.kind === 'report' ? title : `${title} ${action.claim.claimNo}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={title}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{
        reportedOn: today, assessedOn: today, paidOn: today, refusedOn: today,
        ...(action.kind === 'assess' && action.claim.registeredGrade ? { grade: action.claim.registeredGrade } : {}),
        ...(action.kind === 'pay' && action.claim.payableFen !== null ? { paid: fenToYuan(action.claim.payableFen) } : {}),
      }}>
        {action.kind === 'report' && <>
          {item('eventNo', 'insurance.claim.eventNo', <Select showSearch optionFilterProp="label" loading={events.loading} data-testid="claim-event" options={(events.data?.items ?? []).map((e) => ({ value: e.eventNo, label: `${e.name}（${e.startedOn}）` }))} />)}
          {item('householdNo', 'insurance.claim.householdNo', <Input maxLength={14} />)}
          {item('reportedOn', 'insurance.claim.reportedOn', <DateInput />)}
          <Form.Item name="note" label={t('insurance.claim.note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        </>}
        {action.kind === 'assess' && <>
          {item('grade', 'insurance.claim.grade', <Select options={GRADES.map((g) => ({ value: g, label: t(`insurance.grade.${g}`) }))} />)}
          {item('loss', 'insurance.claim.loss', <InputNumber precision={2} style={{ width: 200 }} />, [nonNegative(t)])}
          {item('assessedOn', 'insurance.claim.assessedOn', <DateInput />)}
        </>}
        {action.kind === 'pay' && <>
          {item('paid', 'insurance.claim.paidAmount', <InputNumber precision={2} style={{ width: 200 }} />, [nonNegative(t)])}
          {item('paidOn', 'insurance.claim.paidOn', <DateInput />)}
          {item('paymentRef', 'insurance.claim.paymentRef', <Input maxLength={60} />)}
        </>}
        {action.kind === 'refuse' && <>
          {item('reason', 'insurance.claim.reason', <Input.TextArea maxLength={200} rows={2} />)}
          {item('refusedOn', 'insurance.claim.refusedOn', <DateInput />)}
        </>}
      </Form>
    </Modal>
  );
}
