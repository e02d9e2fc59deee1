import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/context.ts';
import { fetchHousehold, type MemberView } from '../registry/api.ts';
import { useHouseholdSearch } from '../registry/useHouseholdSearch.ts';
import { createCase, PROGRAMMES, todayInChina, type NewCase, type Programme } from './api.ts';
import { codeLabel } from './format.ts';

interface Values {
  householdNo: string;
  applicantIdNumber: string;
  programme: Programme;
  appliedOn: string;
  staffRelative: boolean;
  cadreRelative: boolean;
  note: string;
}

/** 受理申请: pick a household and its applicant, the programme and the application date. */
export function NewCaseModal({ onClose, onCreated }: { onClose: () => void; onCreated: (caseNo: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const households = useHouseholdSearch();
  const householdNo = Form.useWatch('householdNo', form);
  const [members, setMembers] = useState<MemberView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [householdNo, form]);

  const submit = async () => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const input: NewCase = { ...v, note: v.note ?? '' };
      const res = await createCase(input);
      onCreated(res.caseNo);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Modal open title={t('cases.new.title')} onCancel={onClose} onOk={() => void submit()} okText={t('cases.new.submit')} cancelText={t('cases.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'case-new-submit' }} width={640}>
      <Form form={form} layout="vertical" name="newCase" data-testid="case-new-form" initialValues={{ programme: 'dibao', appliedOn: todayInChina(), staffRelative: false, cadreRelative: false, note: '' }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="case-new-error" />}
        <Form.Item name="householdNo" label={t('cases.new.household')} rules={required(t('cases.new.household'))}>
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
          <Radio.Group options={PROGRAMMES.map((p) => ({ value: p, label: codeLabel(t, 'programme', p) }))} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('cases.new.appliedOn')} rules={required(t('cases.new.appliedOn'))}>
          <Input type="date" max={todayInChina()} />
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
