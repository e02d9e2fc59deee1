import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { BATCH_KINDS, type BatchDetail, type BatchKind, type EventList } from '../../../../src/modules/disaster/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { DateInput } from '../../components/DateInput.tsx';

interface BatchForm { kind: BatchKind; eventNo?: string; season?: string; date?: string; payMonth?: string; startDate?: string; endDate?: string }

/** 编制救助批次: the kind, the event (or the 冬春 season), dates; the server drafts the list with every household's amount. */
export function NewBatch({ onClose, eventNo }: { onClose: () => void; eventNo?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<BatchForm>();
  const kind = Form.useWatch('kind', form) ?? 'emergency';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const events = useApiData(() => api<EventList>('/disaster/events?limit=200'), []);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      const b = await api<BatchDetail>('/disaster/batches', { method: 'POST', body });
      navigate(`/disaster/batches/${b.batchNo}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
        form.setFields(fields.filter((f) => !f.field.startsWith('areas')).map((f) => ({ name: f.field as keyof BatchForm, errors: [f.message] })));
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={t('batch.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('batch.form.submit')} width={560} okButtonProps={{ 'data-testid': 'batch-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="batch-error" />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'emergency', ...(eventNo ? { eventNo } : {}) }}>
        <Form.Item name="kind" label={t('batch.form.kind')} rules={required(t('batch.form.kind'))}>
          <Select options={BATCH_KINDS.map((k) => ({ value: k, label: t(`batch.kind.${k}`) }))} data-testid="batch-kind" />
        </Form.Item>
        {kind === 'winter_spring'
          ? <Form.Item name="season" label={t('batch.form.season')} rules={required(t('batch.form.season'))}><Input placeholder="2015-2016" data-testid="batch-season" /></Form.Item>
          : <Form.Item name="eventNo" label={t('batch.form.event')} rules={required(t('batch.form.event'))}>
              <Select loading={events.loading} data-testid="batch-event" options={(events.data?.items ?? []).map((e) => ({ value: e.eventNo, label: `${e.name}（${e.startedOn}）` }))} />
            </Form.Item>}
        {kind === 'transitional' && <>
          <Form.Item name="startDate" label={t('batch.form.startDate')} rules={required(t('batch.form.startDate'))}><DateInput data-testid="batch-startDate" /></Form.Item>
          <Form.Item name="endDate" label={t('batch.form.endDate')} rules={required(t('batch.form.endDate'))}><DateInput data-testid="batch-endDate" /></Form.Item>
        </>}
        <Form.Item name="date" label={t('batch.form.date')}><DateInput data-testid="batch-date" /></Form.Item>
        <Form.Item name="payMonth" label={t('batch.form.payMonth')}><Input placeholder="2015-08" data-testid="batch-payMonth" /></Form.Item>
      </Form>
    </Modal>
  );
}
