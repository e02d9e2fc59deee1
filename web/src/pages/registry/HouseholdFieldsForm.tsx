import { Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import type { SelectedArea } from '../../area/context.ts';
import { VillageSelect } from '../../components/VillageSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { HOUSEHOLD_CATEGORIES, HUKOU_VALUES, POVERTY_CAUSES, type PovertyCause } from './codes.ts';
import { useRules } from './rules.ts';

/**
 * The fields of a household, under `prefix` in the surrounding Form (['household'] when creating,
 * [] when editing). The village is chosen only when creating (`villageRoot` given).
 */
export function HouseholdFieldsForm({ prefix, villageRoot }: { prefix: string[]; villageRoot?: SelectedArea }) {
  const t = useT();
  const rules = useRules(t);
  const name = (field: string) => [...prefix, field];
  const ticked = Form.useWatch<PovertyCause[] | undefined>(name('povertyCauses')) ?? [];
  const label = (field: 'villageCode' | 'hukou' | 'address' | 'phone' | 'bankName' | 'bankAccount') => t(`registry.field.${field}`);
  const bankPaired = (other: string) => ({ getFieldValue }: { getFieldValue: (n: string[]) => unknown }) => ({
    validator: (_: unknown, value: unknown) => {
      const mine = typeof value === 'string' && value.trim() !== '';
      const theirs = getFieldValue(name(other));
      const theirsSet = typeof theirs === 'string' && theirs.trim() !== '';
      return mine === theirsSet ? Promise.resolve() : Promise.reject(new Error(t('registry.form.bankPaired')));
    },
  });

  return (
    <Row gutter={16}>
      {villageRoot && (
        <Col xs={24} md={12}>
          <Form.Item name={name('villageCode')} label={label('villageCode')} rules={[{ required: true, message: t('registry.form.villageOnly') }]}>
            <VillageSelect root={villageRoot} testId="village-select" placeholder={t('registry.form.villageOnly')} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name={name('hukou')} label={label('hukou')} rules={[rules.required(label('hukou'))]}>
          <Radio.Group options={HUKOU_VALUES.map((h) => ({ value: h, label: t(`registry.hukou.${h}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('address')} label={label('address')} rules={[rules.required(label('address')), { max: 200 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('phone')} label={label('phone')} rules={rules.phone}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('bankName')} label={label('bankName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('bankAccount')} label={label('bankAccount')} dependencies={[name('bankName')]} rules={[...rules.bankAccount, bankPaired('bankName')]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('povertyFile')} label={t('registry.field.povertyFile')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('agricultural')} label={t('registry.field.agricultural')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('categories')} label={t('registry.field.householdCategories')}>
          <Checkbox.Group options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: t(`registry.category.${c}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('povertyCauses')} label={t('registry.field.povertyCauses')}>
          <Checkbox.Group data-testid="poverty-causes" options={POVERTY_CAUSES.map((c) => ({ value: c, label: t(`registry.cause.${c}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('mainPovertyCause')} label={t('registry.field.mainPovertyCause')} extra={t('registry.form.mainCauseHint')}>
          <Select
            allowClear
            data-testid="main-poverty-cause"
            disabled={ticked.length === 0}
            options={ticked.map((c) => ({ value: c, label: t(`registry.cause.${c}`) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
