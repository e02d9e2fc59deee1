import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { InstitutionOccupancy, Placement } from '../../../../src/modules/placements/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { today } from './format.ts';
import { DateInput } from '../../components/DateInput.tsx';

export type PlacementStep = 'admit' | 'transfer' | 'discharge' | 'death';

interface StepForm { date: string; bedLabel?: string; institutionId?: number; reason?: string }

/** One step on a placement (admit, transfer, discharge, death) in a dialog; field errors shown on their fields. */
export function PlacementAction({ step, placement, countyCode, onClose, onDone }: { step: PlacementStep; placement: Placement; countyCode: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StepForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const homes = useApiData(() => (step === 'transfer' ? api<InstitutionOccupancy>(`/placements/institutions?area=${countyCode}`) : Promise.resolve(undefined)), [step, countyCode]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const body = step === 'admit' ? { date: v.date, ...(v.bedLabel ? { bedLabel: v.bedLabel } : {}) }
      : step === 'transfer' ? { date: v.date, institutionId: v.institutionId, reason: v.reason, ...(v.bedLabel ? { bedLabel: v.bedLabel } : {}) }
        : step === 'discharge' ? { date: v.date, reason: v.reason } : { date: v.date };
    try {
      await api<Placement>(`/placements/${placement.id}/${step}`, { method: 'POST', body });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(err.fields.filter((f) => ['date', 'bedLabel', 'institutionId', 'reason'].includes(f.field)).map((f) => ({ name: f.field as keyof StepForm, errors: [f.message] })));
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={`${t(`placements.action.${step}`)}：${placement.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('placements.form.submit')} okButtonProps={{ 'data-testid': 'placement-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="placement-error" />}
      {step === 'death' && <Typography.Paragraph type="secondary">{t('placements.deathNote')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ date: today() }}>
        <Form.Item name="date" label={t(step === 'death' ? 'placements.form.deathDate' : 'placements.form.date')} rules={required(t('placements.form.date'))}><DateInput data-testid="placement-date" /></Form.Item>
        {step === 'transfer' && (
          <Form.Item name="institutionId" label={t('placements.form.target')} rules={required(t('placements.form.target'))}>
            <Select data-testid="placement-target" loading={homes.loading} options={(homes.data?.items ?? []).filter((h) => h.id !== placement.institutionId).map((h) => ({ value: h.id, label: `${h.name}（${h.residents}/${h.beds}）` }))} />
          </Form.Item>
        )}
        {(step === 'admit' || step === 'transfer') && <Form.Item name="bedLabel" label={t('placements.form.bed')}><Input maxLength={20} data-testid="placement-bed" /></Form.Item>}
        {(step === 'transfer' || step === 'discharge') && <Form.Item name="reason" label={t('placements.form.reason')} rules={required(t('placements.form.reason'))}><Input.TextArea rows={2} maxLength={500} data-testid="placement-reason" /></Form.Item>}
      </Form>
    </Modal>
  );
}
