import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT } from '../../i18n/context.ts';
import { showFieldErrors, type NamePath } from '../registry/fieldErrors.ts';
import { fetchHousehold, type MemberView } from '../registry/api.ts';
import { useHouseholdSearch } from '../registry/useHouseholdSearch.ts';
import { createCase, todayInChina, type NewCase } from './api.ts';
import { openingDetails, openingFields } from './opening.ts';
import { initialData, StepFields } from './StepFields.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { validatedValues } from '../../forms/validated.ts';

interface Values {
  householdNo: string;
  applicantIdNumber: string;
  programme: string;
  details?: Record<string, unknown>;
  appliedOn: string;
  staffRelative: boolean;
  cadreRelative: boolean;
  note: string;
}

const TOP = new Set(['householdNo', 'applicantIdNumber', 'programme', 'appliedOn', 'note']);

/** A household the application is for, fixed (申请救助 on the household page): its number and how it is shown. */
export interface FixedHousehold {
  householdNo: string;
  label: string;
}

/**
 * 受理申请: pick a household and its applicant, the programme (with its opening questions) and the application date.
 * From the household page the household is given and cannot be changed.
 */
export function NewCaseModal({ onClose, onCreated, household }: { onClose: () => void; onCreated: (caseNo: string) => void; household?: FixedHousehold }) {
  const t = useT();
  const programmes = useProgrammes();
  const [form] = Form.useForm<Values>();
  const households = useHouseholdSearch();
  const householdNo = Form.useWatch('householdNo', form);
  const code = Form.useWatch('programme', form);
  const programme = code === undefined ? undefined : programmes.find(code);
  const details = openingFields(programme);
  const [members, setMembers] = useState<MemberView[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  // The first programme of the registry is chosen when the list arrives.
  const first = programmes.items[0];
  useEffect(() => {
    if (!first || form.getFieldValue('programme')) return;
    form.setFieldValue('programme', first.code);
    form.setFieldValue('details', initialData(openingFields(first), todayInChina()));
  }, [first, form]);

  // The API takes the applicant's ID number: the members are read in full (an audited view).
  useEffect(() => {
    setMembers([]);
    form.setFieldValue('applicantIdNumber', undefined);
    if (!householdNo) return;
    let live = true;
    fetchHousehold(householdNo, true)
      .then((d) => {
        if (!live) return;
        setMembers(d.members);
        const head = d.members.find((m) => m.relation === 'head') ?? d.members[0];
        if (head) form.setFieldValue('applicantIdNumber', head.idNumber);
      })
      .catch((err: unknown) => live && setErrors([err instanceof Error ? err.message : String(err)]));
    return () => {
      live = false;
    };
  }, [householdNo, form]);

  const onForm = (path: NamePath) =>
    (path.length === 1 && TOP.has(String(path[0]))) || (path.length === 2 && path[0] === 'details' && details.some((f) => f.name === path[1]));

  const submit = async () => {
    setErrors([]);
    const v = await validatedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const { details: values, ...rest } = v;
      const input: NewCase = { ...rest, note: v.note ?? '', ...openingDetails(programme, values) };
      const res = await createCase(input);
      onCreated(res.caseNo);
    } catch (err) {
      setErrors(showFieldErrors(form, err, { onForm }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Modal open title={t('cases.new.title')} onCancel={onClose} onOk={() => void submit()} okText={t('cases.new.submit')} cancelText={t('cases.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'case-new-submit', disabled: !programmes.loaded }} width={640}>
      <Form
        form={form}
        layout="vertical"
        name="newCase"
        data-testid="case-new-form"
        initialValues={{ householdNo: household?.householdNo, programme: first?.code, details: initialData(openingFields(first), todayInChina()), appliedOn: todayInChina(), staffRelative: false, cadreRelative: false, note: '' }}
        onValuesChange={(changed: Partial<Values>) => {
          // Another programme asks other questions: start its own afresh.
          if (changed.programme) form.setFieldValue('details', initialData(openingFields(programmes.find(changed.programme)), todayInChina()));
        }}
      >
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('cases.list'))} style={{ marginBottom: 16 }} data-testid="case-new-error" />}
        {programmes.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: programmes.error.message })} style={{ marginBottom: 16 }} />}
        <Form.Item name="householdNo" label={t('cases.new.household')} rules={required(t('cases.new.household'))}>
          {household ? (
            <Select disabled options={[{ value: household.householdNo, label: household.label }]} />
          ) : (
            <Select
              showSearch
              filterOption={false}
              placeholder={t('cases.new.householdSearch')}
              onSearch={households.search}
              loading={households.loading}
              notFoundContent={null}
              options={households.hits.map((h) => ({
                value: h.householdNo,
                label: `${h.headName ?? t('cases.dash')} · ${h.villageName} · ${h.householdNo}`,
              }))}
            />
          )}
        </Form.Item>
        <Form.Item name="applicantIdNumber" label={t('cases.new.applicant')} extra={t('cases.new.applicantHint')} rules={required(t('cases.new.applicant'))}>
          <Radio.Group>
            <Space direction="vertical">
              {members.map((m) => (
                <Radio key={m.idNumber} value={m.idNumber}>{`${m.name} ${m.idNumber}`}</Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="programme" label={t('cases.new.programme')} rules={required(t('cases.new.programme'))}>
          <Radio.Group data-testid="case-new-programme" options={programmes.items.map((p) => ({ value: p.code, label: programmes.name(p.code) }))} />
        </Form.Item>
        <StepFields fields={details} prefix={['details']} idPrefix="newCase_details" />
        <Form.Item name="appliedOn" label={t('cases.new.appliedOn')} rules={required(t('cases.new.appliedOn'))}>
          <DateInput max={todayInChina()} />
        </Form.Item>
        <Form.Item name="staffRelative" valuePropName="checked" noStyle>
          <Checkbox>{t('cases.new.staffRelative')}</Checkbox>
        </Form.Item>
        <Form.Item name="cadreRelative" valuePropName="checked">
          <Checkbox>{t('cases.new.cadreRelative')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('cases.new.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
