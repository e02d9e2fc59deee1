import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useT } from '../../i18n/context.ts';
import { useApiData } from '../../api/useApiData.ts';
import { SUPPORT_KINDS } from '../../../../src/modules/institutions/contract.ts';
import { fetchInstitutions } from './batchApi.ts';
import { codeLabel } from './format.ts';
import type { FieldSpec } from './schema.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

function InstitutionSelect({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const homes = useApiData(fetchInstitutions, []);
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={homes.loading}
      allowClear
      // only what the server accepts for 集中供养: open institutions of a kind that houses people
      options={(homes.data ?? []).filter((h) => h.status === 'open' && (SUPPORT_KINDS as readonly string[]).includes(h.kind)).map((h) => ({ value: h.id, label: `${h.name}（${h.beds}）` }))}
    />
  );
}

/** Where the fields sit in the form (['data'] in a step, ['details'] for opening questions) and the id prefix of their check boxes. */
interface Place {
  prefix: (string | number)[];
  idPrefix: string;
}

function Field({ f, place }: { f: FieldSpec; place: Place }) {
  const t = useT();
  const label = f.label ?? codeLabel(t, 'field', f.name);
  const rules = f.required && f.kind !== 'boolean' ? [{ required: true, message: t('common.required', { field: label }) }] : [];
  const name = [...place.prefix, f.name];
  switch (f.kind) {
    case 'date':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <DateInput />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Input />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <InputNumber precision={0} {...(f.min !== undefined ? { min: f.min } : {})} {...(f.max !== undefined ? { max: f.max } : {})} style={{ width: 160 }} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item name={name} label={label} rules={[...rules, nonNegative(t)]}>
          <InputNumber precision={2} addonAfter={t('cases.form.yuan')} style={{ width: 200 }} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} valuePropName="checked">
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Radio.Group options={f.options.map((o) => ({ value: o, label: f.optionLabels[o] ?? codeLabel(t, `enum.${f.name}`, o) }))} />
        </Form.Item>
      );
    case 'tags':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={f.name === 'staff' ? t('cases.form.staffHint') : undefined}>
          <Select mode="tags" suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} />
        </Form.Item>
      );
    case 'checks':
      return (
        <Form.Item label={label}>
          <Space wrap>
            {f.children.map((c) => (
              <Form.Item key={c} name={[...name, c]} valuePropName="checked" noStyle>
                <Checkbox id={`${place.idPrefix}_${f.name}_${c}`}>{codeLabel(t, 'field', c)}</Checkbox>
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      );
    case 'institution':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <InstitutionSelect />
        </Form.Item>
      );
  }
}

/** The data fields of a step (or a programme's opening questions), generated from its schema. */
export function StepFields({ fields, prefix = ['data'], idPrefix = 'step_data' }: { fields: readonly FieldSpec[]; prefix?: (string | number)[]; idPrefix?: string }) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.name} f={f} place={{ prefix, idPrefix }} />
      ))}
    </>
  );
}

/** Initial values of the data fields: today for dates, false for yes/no, the schema's defaults. */
export function initialData(fields: readonly FieldSpec[], today: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.defaultValue !== undefined) out[f.name] = f.defaultValue;
    else if (f.kind === 'date') out[f.name] = today;
    else if (f.kind === 'boolean') out[f.name] = false;
    else if (f.kind === 'checks') out[f.name] = Object.fromEntries(f.children.map((c) => [c, false]));
  }
  return out;
}
