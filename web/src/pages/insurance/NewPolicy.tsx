import { Alert, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { PERILS, STRUCTURES, type Peril, type Structure } from '../../../../src/modules/housing-insurance/contract.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { yuanToFen } from '../registry/money.ts';
import { createPolicy } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

interface PolicyForm {
  policyNo: string; insurer: string; premium: number; governmentShare: number; perils: Peril[]; coverageFrom: string; coverageTo: string; note?: string;
  sums: Record<Structure, number>;
}

/** 登记保单: the county's policy of a year; amounts in yuan, the government's share in percent. */
export function NewPolicy({ year, onClose, onSaved }: { year: number; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PolicyForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await createPolicy({
        year, policyNo: v.policyNo.trim(), insurer: v.insurer.trim(), premiumFen: yuanToFen(v.premium), governmentPermille: Math.round(v.governmentShare * 10),
        perils: v.perils, sums: Object.fromEntries(STRUCTURES.map((s) => [s, yuanToFen(v.sums[s])])), coverageFrom: v.coverageFrom, coverageTo: v.coverageTo, note: v.note ?? '',
      });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
        const name = (f: string): (string | number)[] => (f.startsWith('sums.') ? ['sums', f.slice(5)] : f.startsWith('perils') ? ['perils'] : [({ premiumFen: 'premium', governmentPermille: 'governmentShare' } as Record<string, string>)[f] ?? f]);
        form.setFields(fields.map((f) => ({ name: name(f.field), errors: [f.message] })) as Parameters<typeof form.setFields>[0]);
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={`${year} ${t('insurance.policy.new')}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('insurance.policy.save')} width={680}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ perils: ['flood', 'landslide', 'storm', 'hail'], coverageFrom: `${year}-01-01`, coverageTo: `${year}-12-31`, governmentShare: 100 }}>
        <Form.Item name="policyNo" label={t('insurance.policy.policyNo')} rules={required(t('insurance.policy.policyNo'))}><Input maxLength={60} /></Form.Item>
        <Form.Item name="insurer" label={t('insurance.policy.insurer')} rules={required(t('insurance.policy.insurer'))}><Input maxLength={100} /></Form.Item>
        <Form.Item name="premium" label={t('insurance.policy.premium')} rules={required(t('insurance.policy.premium'))}><InputNumber min={0.01} precision={2} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="governmentShare" label={t('insurance.policy.governmentShare')} rules={[...required(t('insurance.policy.governmentShare')), nonNegative(t)]}><InputNumber max={100} precision={1} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="perils" label={t('insurance.policy.perils')} rules={required(t('insurance.policy.perils'))}>
          <Checkbox.Group options={PERILS.map((p) => ({ value: p, label: t(`disaster.kind.${p}`) }))} />
        </Form.Item>
        <Form.Item label={t('insurance.policy.sums')} required>
          {STRUCTURES.map((s) => (
            <Form.Item key={s} name={['sums', s]} label={t(`insurance.structure.${s}`)} rules={required(t(`insurance.structure.${s}`))} style={{ display: 'inline-block', marginRight: 12 }}>
              <InputNumber min={0.01} precision={2} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Form.Item>
        <Form.Item name="coverageFrom" label={t('insurance.policy.coverageFrom')} rules={required(t('insurance.policy.coverageFrom'))}><DateInput /></Form.Item>
        <Form.Item name="coverageTo" label={t('insurance.policy.coverageTo')} rules={required(t('insurance.policy.coverageTo'))}><DateInput /></Form.Item>
        <Form.Item name="note" label={t('insurance.policy.note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
