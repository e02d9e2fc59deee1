import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT } from '../../i18n/context.ts';
import { openingFields } from '../cases/opening.ts';
import { initialData, StepFields } from '../cases/StepFields.tsx';
import { DEPARTMENTS, deptLabel, needLabel, referralNeeds, todayInChina } from './format.ts';
import type { PartValues } from './requestFormValues.ts';

/**
 * The parts of a request: cases of the programmes the window may open (with each programme's opening
 * questions) and referrals (转办/分办) to departments.
 */
export function PartsCard({ parts }: { parts: readonly PartValues[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const programmes = useProgrammes();
  const openable = programmes.items.filter((p) => p.intake);
  const needs = referralNeeds(programmes);
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const label = (k: Parameters<typeof t>[0]) => t(k);
  const freshDetails = (code: string | undefined) => initialData(openingFields(code === undefined ? undefined : programmes.find(code)), todayInChina());
  return (
    <Form.List name="parts">
      {(fields, { add, remove }) => (
        <Card title={t('intake.form.parts')} extra={t('intake.form.partsHint')}>
          {fields.map((field, i) => {
            const part = parts[i];
            const kind = part?.kind;
            const details = kind === 'case' && part?.programme ? openingFields(programmes.find(part.programme)) : [];
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
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'programme']} label={label('intake.part.programme')} rules={required(t('intake.part.programme'))}>
                        <Radio.Group
                          data-testid={`part-${i}-programme`}
                          options={openable.map((p) => ({ value: p.code, label: programmes.name(p.code) }))}
                          // Another programme asks other questions: start its own afresh.
                          onChange={(e) => form.setFieldValue(['parts', field.name, 'details'], freshDetails(String(e.target.value)))}
                        />
                      </Form.Item>
                      <StepFields fields={details} prefix={[field.name, 'details']} idPrefix={`intakeForm_parts_${field.name}_details`} />
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
                          <Select data-testid={`part-${i}-need`} loading={!programmes.loaded} options={needs.map((n) => ({ value: n, label: needLabel(t, programmes, n) }))} />
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
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              data-testid="add-case-part"
              disabled={openable.length === 0}
              onClick={() => add({ kind: 'case', programme: openable[0]?.code, details: freshDetails(openable[0]?.code) })}
            >
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
