import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/context.ts';
import type { NewHousehold } from '../registry/api.ts';
import { NEW_HOUSEHOLD, NEW_MEMBER, toHouseholdFields, toMember, type HouseholdFormValues, type MemberFormValues } from '../registry/formValues.ts';
import { HouseholdFieldsForm } from '../registry/HouseholdFieldsForm.tsx';
import { MemberFieldsForm } from '../registry/MemberFieldsForm.tsx';
import { newEntryId, type HouseholdEntry } from './entries.ts';
import { EvidenceAndSave } from './EvidenceAndSave.tsx';
import { checkNewHousehold } from './validate.ts';

interface Values {
  household: HouseholdFormValues & { villageCode: string };
  members: MemberFormValues[];
}

export interface VillageOption {
  code: string;
  name: string;
}

/** A new household with its members, checked with the server's schema and saved on the device. */
export function NewHouseholdForm({ villages, onSave }: { villages: VillageOption[]; onSave: (entry: HouseholdEntry) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [signature, setSignature] = useState<string | null>(null);
  const [padKey, setPadKey] = useState(0);

  const onFinish = async (v: Values) => {
    setErrors([]);
    const input: NewHousehold = {
      household: { villageCode: v.household.villageCode, ...toHouseholdFields(v.household) },
      members: v.members.map(toMember),
      incomes: [],
      assets: [],
    };
    // One head per household: the server checks it beyond the schema, as the online form does.
    if (input.members.filter((m) => m.relation === 'head').length !== 1) {
      setErrors([t('registry.form.oneHead')]);
      return;
    }
    const result = checkNewHousehold(input);
    if (!result.ok) {
      // The schema's issue paths are the form's own (household.*, members.i.*); antd types them by the form.
      form.setFields(result.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      setErrors([...new Set(result.issues.map((i) => i.message))]);
      return;
    }
    const head = input.members.find((m) => m.relation === 'head') ?? input.members[0];
    await onSave({
      id: newEntryId(), kind: 'household', state: 'pending', createdAt: new Date().toISOString(),
      input: result.value, label: head?.name ?? t('offline.unknownName'), photos, signature,
    });
    form.resetFields();
    setPhotos([]);
    setSignature(null);
    setPadKey((k) => k + 1);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="offline-household"
      initialValues={{ household: { ...NEW_HOUSEHOLD, villageCode: villages.length === 1 ? villages[0]?.code : undefined }, members: [{ ...NEW_MEMBER, relation: 'head' }] }}
      onFinish={(v) => void onFinish(v)}
      onFinishFailed={() => setErrors([t('offline.fixErrors')])}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Form.Item name={['household', 'villageCode']} label={t('offline.village')} rules={[{ required: true, message: t('offline.villagePick') }]}>
            <Select placeholder={t('offline.villagePick')} options={villages.map((v) => ({ value: v.code, label: v.name }))} />
          </Form.Item>
          <HouseholdFieldsForm prefix={['household']} />
        </Card>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Card size="small" title={t('offline.members')}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  data-testid={`offline-member-${i}`}
                  title={t('offline.member', { n: i + 1 })}
                  style={{ marginBottom: 12 }}
                  extra={fields.length > 1 && <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('offline.deleteMember')}</Button>}
                >
                  <MemberFieldsForm prefix={[field.name]} absolute={['members', field.name]} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_MEMBER })}>{t('offline.addMember')}</Button>
            </Card>
          )}
        </Form.List>
        <EvidenceAndSave photos={photos} onPhotos={setPhotos} signature={signature} onSignature={setSignature} padKey={padKey} errors={errors} testId="offline-household" />
      </Space>
    </Form>
  );
}
