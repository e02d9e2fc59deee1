import { Card, Empty, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/context.ts';
import { toHouseholdFields, type HouseholdFormValues } from '../registry/formValues.ts';
import { HouseholdFieldsForm } from '../registry/HouseholdFieldsForm.tsx';
import { changedFields, type Fields } from './conflict.ts';
import { newEntryId, type CachedHousehold, type VisitEntry } from './entries.ts';
import { EvidenceAndSave } from './EvidenceAndSave.tsx';
import { checkFields } from './validate.ts';

type Values = HouseholdFormValues & { findings?: string };

/** A home visit to a downloaded household: its fields as found, the findings, photos and a signature. */
export function VisitForm({ households, onSave }: { households: CachedHousehold[]; onSave: (entry: VisitEntry) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<CachedHousehold | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [signature, setSignature] = useState<string | null>(null);
  const [padKey, setPadKey] = useState(0);

  if (households.length === 0) return <Empty description={t('offline.visit.none')} />;

  const choose = (no: string) => {
    const h = households.find((x) => x.householdNo === no);
    setChosen(h);
    setErrors([]);
  };

  const onFinish = async (v: Values) => {
    if (!chosen) return;
    setErrors([]);
    const local: Fields = toHouseholdFields(v);
    const changed = changedFields(chosen.fields, local);
    const findings = (v.findings ?? '').trim();
    if (changed.length === 0 && findings === '' && photos.length === 0) {
      setErrors([t('offline.visit.nothing')]);
      return;
    }
    const result = checkFields(Object.fromEntries(changed.map((f) => [f, local[f]])));
    if (!result.ok) {
      // The issue paths are the form's own top-level field names.
      form.setFields(result.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      setErrors([...new Set(result.issues.map((i) => i.message))]);
      return;
    }
    await onSave({
      id: newEntryId(), kind: 'visit', state: 'pending', createdAt: new Date().toISOString(), householdNo: chosen.householdNo,
      label: chosen.headName ?? chosen.householdNo, base: chosen.fields, local, findings, photos, signature,
    });
    setChosen(undefined);
    setPhotos([]);
    setSignature(null);
    setPadKey((k) => k + 1);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        showSearch
        optionFilterProp="label"
        style={{ width: '100%', maxWidth: 480 }}
        placeholder={t('offline.visit.pick')}
        aria-label={t('offline.visit.household')}
        data-testid="visit-household"
        value={chosen?.householdNo}
        onChange={choose}
        options={households.map((h) => ({ value: h.householdNo, label: t('offline.visit.option', { name: h.headName ?? t('offline.unknownName'), village: h.villageName, no: h.householdNo }) }))}
      />
      {chosen && (
        <Form<Values>
          key={chosen.householdNo}
          form={form}
          layout="vertical"
          data-testid="offline-visit"
          initialValues={{ ...(chosen.fields as HouseholdFormValues), findings: '' }}
          onFinish={(v) => void onFinish(v)}
          onFinishFailed={() => setErrors([t('offline.fixErrors')])}
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small">
              <HouseholdFieldsForm prefix={[]} />
              <Form.Item name="findings" label={t('offline.visit.findings')} rules={[{ min: 2, max: 4000, message: t('offline.visit.findingsLength') }]}>
                <Input.TextArea rows={3} placeholder={t('offline.visit.findingsHint')} />
              </Form.Item>
            </Card>
            <EvidenceAndSave photos={photos} onPhotos={setPhotos} signature={signature} onSignature={setSignature} padKey={padKey} errors={errors} testId="offline-visit" />
          </Space>
        </Form>
      )}
    </Space>
  );
}
