import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useCurrentUser } from '../../auth/context.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { HouseholdFilters } from './api.ts';
import { SEARCH_CATEGORIES } from './codes.ts';

export interface HouseholdSearchFormProps {
  value: HouseholdFilters;
  /** Name of the chosen area, when known (e.g. from the header picker). */
  areaLabel?: string;
  onSearch: (filters: HouseholdFilters) => void;
  onReset: () => void;
}

/** Filters of the household search: name prefix, exact ID number, area, category. */
export function HouseholdSearchForm({ value, areaLabel, onSearch, onReset }: HouseholdSearchFormProps) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<HouseholdFilters>();

  useEffect(() => {
    form.setFieldsValue({ name: value.name, idNumber: value.idNumber, area: value.area, category: value.category });
  }, [form, value.name, value.idNumber, value.area, value.category]);

  return (
    <Form<HouseholdFilters> form={form} layout="inline" data-testid="household-search" onFinish={onSearch} style={{ rowGap: 12 }}>
      <Form.Item name="name" label={t('registry.filter.name')} rules={[{ max: 20 }]}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('registry.field.idNumber')}
        rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('registry.form.idNumberInvalid') }]}
      >
        <Input allowClear style={{ width: 200 }} maxLength={18} />
      </Form.Item>
      <Form.Item name="area" label={t('registry.filter.area')}>
        <AreaTreeSelect
          root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }}
          {...(areaLabel ? { valueLabel: areaLabel } : {})}
          style={{ minWidth: 180 }}
        />
      </Form.Item>
      <Form.Item name="category" label={t('registry.field.categories')}>
        <Select
          allowClear
          style={{ width: 160 }}
          options={SEARCH_CATEGORIES.map((c) => ({ value: c, label: t(`registry.category.${c}`) }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="household-search-submit">
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('registry.filter.reset')}</Button>
      </Space>
    </Form>
  );
}
