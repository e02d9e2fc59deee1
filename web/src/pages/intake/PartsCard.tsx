import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useT } from '../../i18n/context.ts';
import { CASE_PROGRAMMES, codeLabel, DEPARTMENTS, deptLabel, REFERRAL_NEEDS } from './format.ts';
import type { PartValues } from './requestFormValues.ts';

/** The parts of a request: cases of civil-affairs programmes and referrals (转办/分办) to departments. */
export function PartsCard({ parts }: { parts: readonly PartValues[] }) {
  const t = useT();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const label = (k: Parameters<typeof t>[0]) => t(k);
  return (
    <Form.List name="parts">
      {(fields, { add, remove }) => (
        <Card title={t('intake.form.parts')} extra={t('intake.form.partsHint')}>
          {fields.map((field, i) => {
            const kind = parts[i]?.kind;
            return (
              <Card
                key={field.key}
                type="inner"
                size="small"
                data-testid={`part-${i}`}
                style={{ marginBottom: 12 }}
                title={t(kind === 'case' ? 'intake.part.caseTitle' : 'intake.part.referralTitle', { n: i + 1 })}
                extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('intake.deleteRow')}</Button>}
              >
                <Form.Item name={[field.name, 'kind']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  {kind === 'case' ? (
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'programme']} label={label('intake.part.programme')} rules={required(t('intake.part.programme'))}>
                        <Radio.Group options={CASE_PROGRAMMES.map((p) => ({ value: p, label: codeLabel(t, 'intake.need', p) }))} />
                      </Form.Item>
                    </Col>
                  ) : (
                    <>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'department']} label={label('intake.part.department')} rules={required(t('intake.part.department'))}>
                          <Select data-testid={`part-${i}-department`} options={DEPARTMENTS.map((d) => ({ value: d, label: deptLabel(t, d) }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'need']} label={label('intake.part.need')} rules={required(t('intake.part.need'))}>
                          <Select data-testid={`part-${i}-need`} options={REFERRAL_NEEDS.map((n) => ({ value: n, label: codeLabel(t, 'intake.need', n) }))} />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'note']} label={label('intake.part.note')}>
                      <Input maxLength={1000} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Space>
            <Button type="dashed" icon={<PlusOutlined />} data-testid="add-case-part" onClick={() => add({ kind: 'case', programme: 'dibao' })}>
              {t('intake.part.addCase')}
            </Button>
            <Button type="dashed" icon={<PlusOutlined />} data-testid="add-referral-part" onClick={() => add({ kind: 'referral' })}>
              {t('intake.part.addReferral')}
            </Button>
          </Space>
        </Card>
      )}
    </Form.List>
  );
}
