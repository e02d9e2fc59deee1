import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { EventDetail, ReportFigures } from '../../../../src/modules/disaster/contract.ts';
import { fetchChildren } from '../../api/areas.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { FIGURES } from './figures.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

type FormValues = Record<keyof ReportFigures, number> & { areaCode: string; asOf: string; note?: string };

/** The areas one may report for: the event's (as the user sees them), the villages of its townships. */
async function reportableAreas(event: EventDetail, mine: string): Promise<{ value: string; label: string }[]> {
  const out = new Map(event.areas.map((a) => [a.areaCode, a.areaName]));
  for (const r of event.latest) out.set(r.areaCode, r.areaName);
  for (const a of event.areas.filter((x) => x.level === 'township')) {
    for (const v of await fetchChildren(a.areaCode)) out.set(v.code, `${a.areaName} ${v.name}`);
  }
  return [...out].filter(([code]) => code.startsWith(mine)).map(([value, label]) => ({ value, label }));
}

/** 报送 / 更正灾情: a report of one area on one date; the same area and date again is a correction (next version). */
export function ReportForm({ event, onClose, onDone }: { event: EventDetail; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const areas = useApiData(() => reportableAreas(event, me.areaLevel === 'prefecture' ? '' : me.areaCode), [event.eventNo, me.areaCode]);
  const prefill = (areaCode: string) => {
    const last = event.latest.find((r) => r.areaCode === areaCode);
    if (last) form.setFieldsValue({ asOf: last.asOf, ...Object.fromEntries(FIGURES.map((f) => [f.key, f.toForm(last[f.key])])) });
  };
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api('/disaster/events/' + event.eventNo + '/reports', { method: 'POST', body: {
        areaCode: v.areaCode, asOf: v.asOf, note: v.note ?? '', ...Object.fromEntries(FIGURES.map((f) => [f.key, f.toApi(v[f.key] ?? 0)])),
      } });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
        form.setFields(fields.map((f) => ({ name: f.field as keyof FormValues, errors: [f.message] })));
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={t('disaster.report.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('disaster.report.submit')} width={640} okButtonProps={{ 'data-testid': 'report-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="report-error" />}
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(FIGURES.map((f) => [f.key, 0]))}>
        <Form.Item name="areaCode" label={t('disaster.report.area')} rules={required(t('disaster.report.area'))}>
          <Select showSearch optionFilterProp="label" loading={areas.loading} options={areas.data ?? []} onChange={(code: string) => prefill(code)} data-testid="report-area" />
        </Form.Item>
        <Form.Item name="asOf" label={t('disaster.report.asOf')} rules={required(t('disaster.report.asOf'))}><DateInput data-testid="report-asOf" /></Form.Item>
        {FIGURES.map((f) => (
          <Form.Item key={f.key} name={f.key} label={t(f.label)} rules={[...required(t(f.label)), nonNegative(t)]}>
            <InputNumber precision={f.precision} style={{ width: 220 }} data-testid={`report-${f.key}`} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('disaster.report.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
