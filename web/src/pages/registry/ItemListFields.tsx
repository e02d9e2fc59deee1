import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../../i18n/context.ts';
import { ASSET_KINDS, INCOME_KINDS, INCOME_PERIODS } from './codes.ts';
import { WHOLE_HOUSEHOLD } from './formValues.ts';
import { useRules } from './rules.ts';
import { nonNegative } from '../../forms/rules.ts';

export interface MemberOption {
  value: string;
  label: string;
}

export interface ItemListFieldsProps {
  /** The Form.List name: 'incomes' or 'assets'. */
  list: 'incomes' | 'assets';
  members: MemberOption[];
}

/** Rows of income items or assets; amounts in yuan (two decimals), sent in fen. */
export function ItemListFields({ list, members }: ItemListFieldsProps) {
  const t = useT();
  const rules = useRules(t);
  const income = list === 'incomes';
  const memberOptions = [{ value: WHOLE_HOUSEHOLD, label: t('registry.member.wholeHousehold') }, ...members];
  const amountLabel = t(income ? 'registry.field.amountFen' : 'registry.field.valueFen');
  const kindLabel = t(income ? 'registry.field.incomeKind' : 'registry.field.assetKind');
  const kinds: { value: string; label: string }[] = income
    ? INCOME_KINDS.map((k) => ({ value: k, label: t(`registry.incomeKind.${k}`) }))
    : ASSET_KINDS.map((k) => ({ value: k, label: t(`registry.assetKind.${k}`) }));

  return (
    <Form.List name={list}>
      {(fields, { add, remove }) => (
        <div data-testid={`${list}-rows`}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'memberIdNumber']} label={t('registry.field.memberIdNumber')}>
                  <Select options={memberOptions} />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'kind']} label={kindLabel} rules={[rules.required(kindLabel)]}>
                  <Select options={kinds} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={[field.name, income ? 'amountYuan' : 'valueYuan']} label={amountLabel} rules={[rules.required(amountLabel), nonNegative(t)]}>
                  <InputNumber precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {income && (
                <Col xs={24} md={3}>
                  <Form.Item name={[field.name, 'period']} label={t('registry.field.period')} rules={[rules.required(t('registry.field.period'))]}>
                    <Select options={INCOME_PERIODS.map((p) => ({ value: p, label: t(`registry.period.${p}`) }))} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={20} md={income ? 5 : 8}>
                {income ? (
                  <Form.Item name={[field.name, 'source']} label={t('registry.field.source')} rules={[rules.required(t('registry.field.source')), { max: 100 }]}>
                    <Input />
                  </Form.Item>
                ) : (
                  <Form.Item name={[field.name, 'note']} label={t('registry.field.note')} rules={[{ max: 200 }]}>
                    <Input />
                  </Form.Item>
                )}
              </Col>
              <Col xs={4} md={2}>
                <Form.Item label=" ">
                  <Button icon={<DeleteOutlined />} aria-label={t('registry.action.deleteRow')} onClick={() => remove(field.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(income ? { memberIdNumber: WHOLE_HOUSEHOLD, period: 'month' } : { memberIdNumber: WHOLE_HOUSEHOLD })}
          >
            {t('registry.action.addRow')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
