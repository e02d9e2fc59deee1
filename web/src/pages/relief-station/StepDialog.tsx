import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { HANDOVERS, LONG_STAY_KINDS, PLAIN_EXITS, SEARCH_METHODS, SERVICES, TRANSPORTS, type RecordDetail } from '../../../../src/modules/relief-station/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { yuanToFen } from '../registry/money.ts';
import { listStations, recordStep, type StepPath } from './api.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

export type StepKind = StepPath;

type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

const TITLES: Record<StepKind, 'relief.step.entry' | 'relief.step.service' | 'relief.step.search' | 'relief.step.longStay' | 'relief.step.return' | 'relief.step.referral' | 'relief.step.exit'> = {
  entry: 'relief.step.entry', services: 'relief.step.service', 'family-searches': 'relief.step.search', 'long-stay': 'relief.step.longStay',
  return: 'relief.step.return', referral: 'relief.step.referral', exit: 'relief.step.exit',
};

/** The body of each step from the form's values (yuan → fen, names split on 、). */
function bodyOf(kind: StepKind, v: Values): object {
  switch (kind) {
    case 'entry': return { enteredOn: v.enteredOn, services: v.services ?? [] };
    case 'services': return { service: v.service, providedOn: v.providedOn, note: text(v.note) ?? '' };
    case 'family-searches': return { method: v.method, searchedOn: v.searchedOn, result: v.result, found: v.found === true };
    case 'long-stay': return { kind: v.kind, reason: v.reason, on: v.on };
    case 'return': {
      const names = (text(v.escortNames) ?? '').split(/[、,，\s]+/).filter(Boolean);
      return { returnedOn: v.returnedOn, destination: v.destination, transport: v.transport, ticketFen: yuanToFen(Number(v.ticket ?? 0)), escort: v.escort === true, escortNames: names, handedOverTo: v.handedOverTo, receiver: v.receiver, longStayReason: text(v.longStayReason) };
    }
    case 'referral': {
      const [county, id] = String(v.institution ?? '').split(':');
      return { institutionCountyCode: county, institutionId: Number(id), referredOn: v.referredOn, receiver: v.receiver, note: text(v.note), longStayReason: text(v.longStayReason) };
    }
    case 'exit': return { kind: v.kind, exitedOn: v.exitedOn, receiver: text(v.receiver), note: text(v.note), longStayReason: text(v.longStayReason) };
  }
}

/** The form of one step of a record (入站, 服务, 寻亲, 延长救助, 返乡, 转介, 离站). */
export function StepDialog({ kind, record, onClose, onDone }: { kind: StepKind; record: RecordDetail; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await recordStep(record.recordNo, kind, bodyOf(kind, v));
    onDone();
  }, { ticketFen: 'ticket', institutionId: 'institution', institutionCountyCode: 'institution' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    <Modal open title={t(TITLES[kind])} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('relief.form.save')} width={600}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ enteredOn: today, providedOn: today, searchedOn: today, on: today, returnedOn: today, referredOn: today, exitedOn: today, services: ['food', 'lodging'], found: false, escort: record.minor, transport: 'train', handedOverTo: 'family', kind: kind === 'exit' ? 'family_pickup' : 'approval' }}>
        <StepFields kind={kind} record={record} />
      </Form>
    </Modal>
  );
}

function StepFields({ kind, record }: { kind: StepKind; record: RecordDetail }) {
  const t = useT();
  const req = (key: Parameters<typeof t>[0]) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  const date = (name: string, label: Parameters<typeof t>[0]) => <Form.Item name={name} label={t(label)} rules={req(label)}><DateInput /></Form.Item>;
  const longStay = record.longStay ? null : <Form.Item name="longStayReason" label={t('relief.step.longStayReason')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>;
  switch (kind) {
    case 'entry': return (
      <>
        {date('enteredOn', 'relief.step.enteredOn')}
        <Form.Item name="services" label={t('relief.step.services')}><Checkbox.Group options={SERVICES.map((s) => ({ value: s, label: t(`relief.service.${s}`) }))} /></Form.Item>
      </>
    );
    case 'services': return (
      <>
        <Form.Item name="service" label={t('relief.step.service1')} rules={req('relief.step.service1')}><Radio.Group options={SERVICES.map((s) => ({ value: s, label: t(`relief.service.${s}`) }))} /></Form.Item>
        {date('providedOn', 'relief.step.providedOn')}
        <Form.Item name="note" label={t('relief.step.note')}><Input maxLength={200} /></Form.Item>
      </>
    );
    case 'family-searches': return (
      <>
        <Form.Item name="method" label={t('relief.step.method')} rules={req('relief.step.method')}><Select options={SEARCH_METHODS.map((m) => ({ value: m, label: t(`relief.method.${m}`) }))} /></Form.Item>
        {date('searchedOn', 'relief.step.searchedOn')}
        <Form.Item name="result" label={t('relief.step.result')} rules={req('relief.step.result')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        <Form.Item name="found" valuePropName="checked"><Checkbox>{t('relief.step.found')}</Checkbox></Form.Item>
      </>
    );
    case 'long-stay': return (
      <>
        <Form.Item name="kind" label={t('relief.step.longStayKind')} rules={req('relief.step.longStayKind')}><Radio.Group options={LONG_STAY_KINDS.map((k) => ({ value: k, label: t(`relief.longStay.${k}`) }))} /></Form.Item>
        <Form.Item name="reason" label={t('relief.step.reason')} rules={req('relief.step.reason')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        {date('on', 'relief.step.on')}
      </>
    );
    case 'return': return (
      <>
        {date('returnedOn', 'relief.step.returnedOn')}
        <Form.Item name="destination" label={t('relief.step.destination')} rules={req('relief.step.destination')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="transport" label={t('relief.step.transport')} rules={req('relief.step.transport')}><Radio.Group options={TRANSPORTS.map((k) => ({ value: k, label: t(`relief.transport.${k}`) }))} /></Form.Item>
        <Form.Item name="ticket" label={t('relief.step.ticket')} rules={[...req('relief.step.ticket'), nonNegative(t)]}><InputNumber precision={2} /></Form.Item>
        <Form.Item name="escort" valuePropName="checked"><Checkbox>{t('relief.step.escort')}</Checkbox></Form.Item>
        <Form.Item name="escortNames" label={t('relief.step.escortNames')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="handedOverTo" label={t('relief.step.handedOverTo')} rules={req('relief.step.handedOverTo')}><Radio.Group options={HANDOVERS.map((k) => ({ value: k, label: t(`relief.handover.${k}`) }))} /></Form.Item>
        <Form.Item name="receiver" label={t('relief.step.receiver')} rules={req('relief.step.receiver')}><Input maxLength={100} /></Form.Item>
        {longStay}
      </>
    );
    case 'referral': return <ReferralFields record={record} date={date('referredOn', 'relief.step.referredOn')} />;
    case 'exit': return (
      <>
        <Form.Item name="kind" label={t('relief.step.exitKind')} rules={req('relief.step.exitKind')}>
          <Radio.Group options={PLAIN_EXITS.filter((k) => !(record.minor && k === 'left_voluntarily')).map((k) => ({ value: k, label: t(`relief.exit.${k}`) }))} />
        </Form.Item>
        {date('exitedOn', 'relief.step.exitedOn')}
        <Form.Item name="receiver" label={t('relief.step.pickupBy')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="note" label={t('relief.step.note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        {longStay}
      </>
    );
  }
}

function ReferralFields({ record, date }: { record: RecordDetail; date: React.ReactNode }) {
  const t = useT();
  const institutions = useApiData(() => listStations(), []);
  const options = (institutions.data?.items ?? []).filter((i) => !(i.countyCode === record.countyCode && i.id === record.stationId)).map((i) => ({ value: `${i.countyCode}:${i.id}`, label: i.name }));
  return (
    <>
      <Form.Item name="institution" label={t('relief.step.institution')} rules={[{ required: true, message: t('common.required', { field: t('relief.step.institution') }) }]}><Select options={options} /></Form.Item>
      {date}
      <Form.Item name="receiver" label={t('relief.step.receiver')} rules={[{ required: true, message: t('common.required', { field: t('relief.step.receiver') }) }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="note" label={t('relief.step.note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
    </>
  );
}
