import { Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useT } from '../../i18n/context.ts';
import {
  DISABILITY_GRADES, DISABILITY_KINDS, HUKOU_VALUES, LEFT_BEHIND_KINDS, PERSON_CATEGORIES, RELATIONS, WORK_CAPACITIES,
} from './codes.ts';
import { useRules } from './rules.ts';

type Path = (string | number)[];

export interface MemberFieldsFormProps {
  /** Name prefix relative to the enclosing Form.List field ([] in a form of one member). */
  prefix: Path;
  /** The same prefix from the form's root, for cross-field checks. */
  absolute: Path;
  /** Editing an existing member: the ID number cannot change. */
  lockId?: boolean;
}

/** The fields of one member (sex and birth date come from the ID number, on the server). */
export function MemberFieldsForm({ prefix, absolute, lockId }: MemberFieldsFormProps) {
  const t = useT();
  const rules = useRules(t);
  const name = (field: string) => [...prefix, field];
  const abs = (field: string) => [...absolute, field];
  const select = (label: string) => ({ placeholder: label, allowClear: true });
  const disabilityPaired = ({ getFieldValue }: { getFieldValue: (n: Path) => unknown }) => ({
    validator: () => {
      const kind = getFieldValue(abs('disabilityKind'));
      const grade = getFieldValue(abs('disabilityGrade'));
      return (kind === null || kind === undefined) === (grade === null || grade === undefined)
        ? Promise.resolve()
        : Promise.reject(new Error(t('registry.form.disabilityPaired')));
    },
  });

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name={name('idNumber')} label={t('registry.field.idNumber')} rules={rules.idNumber} extra={t('registry.form.idHint')}>
          <Input disabled={lockId} maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('name')} label={t('registry.field.name')} rules={rules.name}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('relation')} label={t('registry.field.relation')} rules={[rules.required(t('registry.field.relation'))]}>
          <Select options={RELATIONS.map((r) => ({ value: r, label: t(`registry.relation.${r}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('hukou')} label={t('registry.field.hukou')} rules={[rules.required(t('registry.field.hukou'))]}>
          <Select options={HUKOU_VALUES.map((h) => ({ value: h, label: t(`registry.hukou.${h}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('workCapacity')} label={t('registry.field.workCapacity')} rules={[rules.required(t('registry.field.workCapacity'))]}>
          <Select options={WORK_CAPACITIES.map((w) => ({ value: w, label: t(`registry.work.${w}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('phone')} label={t('registry.field.phone')} rules={rules.phone}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('disabilityKind')} label={t('registry.field.disabilityKind')} dependencies={[abs('disabilityGrade')]} rules={[disabilityPaired]}>
          <Select {...select(t('registry.field.disabilityKind'))} options={DISABILITY_KINDS.map((d) => ({ value: d, label: t(`registry.disability.${d}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('disabilityGrade')} label={t('registry.field.disabilityGrade')} dependencies={[abs('disabilityKind')]} rules={[disabilityPaired]}>
          <Select {...select(t('registry.field.disabilityGrade'))} options={DISABILITY_GRADES.map((g) => ({ value: g, label: t('registry.grade', { grade: g }) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('leftBehind')} label={t('registry.field.leftBehind')}>
          <Select {...select(t('registry.field.leftBehind'))} options={LEFT_BEHIND_KINDS.map((k) => ({ value: k, label: t(`registry.leftBehind.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={name('seriousIllness')} label={t('registry.field.seriousIllness')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={name('student')} label={t('registry.field.student')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name={name('categories')} label={t('registry.field.personCategories')}>
          <Checkbox.Group options={PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`registry.category.${c}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
