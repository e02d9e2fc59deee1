import { Alert, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { ApplyMessageKey } from './messages.zh-CN.ts';
import { AreaPicker } from '../policy/AreaPicker.tsx';

export interface NewApplicantValues {
  name: string;
  phone: string;
  villageCode: string;
  householdSize: number;
  monthlyIncomeYuan: number;
  members?: { name: string; relation: string; idNumber: string }[];
}

const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
const relationKey = (r: (typeof RELATIONS)[number]) => `apply.new.relation.${r}` as ApplyMessageKey;

/** A citizen not in the registry: the household facts the township needs to register the household (then it opens the case). */
export function NewApplicantFields() {
  const t = useT();
  const required = (message: string) => [{ required: true, message }];
  return (
    <Card size="small" title={t('apply.new.title')} style={{ marginBottom: 16 }} data-testid="apply-new-applicant">
      <Alert type="info" showIcon message={t('apply.new.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name={['newApplicant', 'name']} label={t('apply.new.name')} rules={[...required(t('apply.new.name.required')), { pattern: /^[\u3400-\u9fff·]{2,20}$/, message: t('apply.new.name.format') }]}>
        <Input maxLength={20} autoComplete="name" data-testid="apply-new-name" />
      </Form.Item>
      <Form.Item name={['newApplicant', 'phone']} label={t('apply.new.phone')} rules={[...required(t('apply.new.phone.required')), { pattern: /^1[3-9]\d{9}$/, message: t('apply.new.phone.format') }]}>
        <Input maxLength={11} inputMode="tel" autoComplete="tel" data-testid="apply-new-phone" />
      </Form.Item>
      <Form.Item name={['newApplicant', 'villageCode']} label={t('apply.new.village')} rules={required(t('check.area.required'))}>
        <AreaPicker />
      </Form.Item>
      <Form.Item name={['newApplicant', 'householdSize']} label={t('check.householdSize')} rules={required(t('check.householdSize.required'))}>
        <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} data-testid="apply-new-size" />
      </Form.Item>
      <Form.Item name={['newApplicant', 'monthlyIncomeYuan']} label={t('check.income')} rules={required(t('check.income.required'))}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="apply-new-income" />
      </Form.Item>
      <Form.List name={['newApplicant', 'members']}>
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={t('apply.new.member', { n: i + 1 })} extra={<Button size="small" onClick={() => remove(f.name)}>{t('apply.new.member.remove')}</Button>}>
                <Form.Item name={[f.name, 'name']} label={t('apply.new.name')} rules={[...required(t('apply.new.name.required')), { pattern: /^[\u3400-\u9fff·]{2,20}$/, message: t('apply.new.name.format') }]}>
                  <Input maxLength={20} />
                </Form.Item>
                <Form.Item name={[f.name, 'relation']} label={t('apply.new.relation')} rules={required(t('apply.new.relation.required'))}>
                  <Select options={RELATIONS.map((r) => ({ value: r, label: t(relationKey(r)) }))} aria-label={t('apply.new.relation')} />
                </Form.Item>
                <Form.Item name={[f.name, 'idNumber']} label={t('apply.new.idNumber')} rules={[...required(t('apply.new.idNumber.required')), { pattern: /^\d{17}[\dXx]$/, message: t('apply.new.idNumber.format') }]}>
                  <Input maxLength={18} />
                </Form.Item>
              </Card>
            ))}
            {fields.length < 10 && <Button onClick={() => add()} data-testid="apply-new-add-member">{t('apply.new.member.add')}</Button>}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}
