import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { fetchHousehold, type MemberView } from '../registry/api.ts';
import { ID_NUMBER, useHouseholdSearch } from '../registry/useHouseholdSearch.ts';
import { showFieldErrors } from '../registry/fieldErrors.ts';
import { createRequest } from './api.ts';
import { CHANNELS, codeLabel, EXPENSE_KINDS, todayInChina, WORK_CAPACITIES } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { PartsCard } from './PartsCard.tsx';
import { onFormOf, toRequest, type Values } from './requestFormValues.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';
import { useUnsavedGuard } from '../../forms/useUnsavedGuard.ts';

export default function RequestFormPage() {
  const me = useCurrentUser();
  if (!can(me, 'intake.write')) return <Navigate to="/intake" replace />;
  return <RequestForm />;
}

/** 受理登记: the window, the person, the needs assessment and the parts (cases and referrals). */
function RequestForm() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [members, setMembers] = useState<MemberView[]>([]);
  const [toast, toastHolder] = message.useMessage();
  const guard = useUnsavedGuard();
  const households = useHouseholdSearch();
  const programmes = useProgrammes();
  const personKind = Form.useWatch('personKind', form);
  const householdNo = Form.useWatch(['person', 'householdNo'], form);
  const parts = Form.useWatch('parts', form) ?? [];
  const windowRoot = { code: me.areaCode, name: me.areaName, level: me.areaLevel };

  // The person is a member of the chosen household: the members are read in full (an audited view).
  useEffect(() => {
    setMembers([]);
    if (!householdNo) return;
    let live = true;
    fetchHousehold(householdNo, true)
      .then((d) => {
        if (!live) return;
        setMembers(d.members);
        const head = d.members.find((m) => m.relation === 'head') ?? d.members[0];
        form.setFieldValue(['person', 'idNumber'], head?.idNumber);
        form.setFieldValue(['assessment', 'householdSize'], d.members.length);
      })
      .catch((err: unknown) => live && setErrors([err instanceof Error ? err.message : String(err)]));
    return () => {
      live = false;
    };
  }, [householdNo, form]);

  const onFinish = async (v: Values) => {
    setErrors([]);
    setBusy(true);
    try {
      const res = await createRequest(toRequest(v, programmes.find));
      void toast.success(t('intake.form.created', { no: res.requestNo }));
      guard.saved();
      navigate(`/intake/${res.requestNo}`);
    } catch (err) {
      setErrors(showFieldErrors(form, err, { rename: { amountFen: 'amountYuan' }, onForm: onFormOf(v.parts, programmes.find) }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const label = (k: Parameters<typeof t>[0]) => t(k);

  return (
    <>
      <IntakeNav />
      <Form<Values>
        form={form}
        name="intakeForm"
        layout="vertical"
        data-testid="intake-form"
        scrollToFirstError
        initialValues={{
          windowAreaCode: me.areaLevel === 'township' || me.areaLevel === 'village' ? me.areaCode : undefined,
          channel: 'window',
          receivedOn: todayInChina(),
          personKind: 'registered',
          person: {},
          assessment: { householdSize: 1, dependents: 0, workCapacity: 'partial', seriousIllness: false, disability: false, rigidExpenses: [], urgent: false },
          parts: [],
        }}
        onValuesChange={guard.changed}
        onFinish={(v) => void onFinish(v)}
        onFinishFailed={() => setErrors([t('intake.form.fixErrors')])}
      >
        {toastHolder}
        {guard.holder}
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t('intake.form.title')} extra={<Link to="/intake">{t('intake.back')}</Link>}>
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="windowAreaCode" label={label('intake.form.window')} extra={t('intake.form.windowHint')} rules={required(t('intake.form.window'))}>
                  <AreaTreeSelect testId="intake-window" root={windowRoot} placeholder={t('intake.form.window')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="channel" label={label('intake.form.channel')} rules={required(t('intake.form.channel'))}>
                  <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: codeLabel(t, 'intake.channel', c) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="receivedOn" label={label('intake.form.receivedOn')} rules={required(t('intake.form.receivedOn'))}>
                  <DateInput max={todayInChina()} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('intake.form.person')}>
            <Form.Item name="personKind">
              <Radio.Group
                data-testid="person-kind"
                options={[
                  { value: 'registered', label: t('intake.form.registered') },
                  { value: 'unregistered', label: t('intake.form.unregistered') },
                ]}
              />
            </Form.Item>
            {personKind !== 'unregistered' ? (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name={['person', 'householdNo']} label={label('intake.form.household')} rules={required(t('intake.form.household'))}>
                    <Select
                      showSearch
                      filterOption={false}
                      placeholder={t('intake.form.householdSearch')}
                      onSearch={households.search}
                      loading={households.loading}
                      notFoundContent={null}
                      options={households.hits.map((h) => ({ value: h.householdNo, label: `${h.headName ?? t('intake.dash')} · ${h.villageName} · ${h.householdNo}` }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={['person', 'idNumber']} label={label('intake.form.member')} rules={required(t('intake.form.member'))}>
                    <Select data-testid="intake-member" options={members.map((m) => ({ value: m.idNumber, label: `${m.name} ${m.idNumber}` }))} />
                  </Form.Item>
                </Col>
              </Row>
            ) : (
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name={['person', 'name']} label={label('intake.form.name')} rules={required(t('intake.form.name'))}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['person', 'idNumber']} label={label('intake.form.idNumber')} rules={[...required(t('intake.form.idNumber')), { pattern: ID_NUMBER, message: t('intake.form.idNumberFormat') }]}>
                    <Input maxLength={18} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['person', 'phone']} label={label('intake.form.phone')} rules={required(t('intake.form.phone'))}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item name="description" label={label('intake.form.description')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Card>

          <Card title={t('intake.form.assessment')}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Form.Item name={['assessment', 'householdSize']} label={label('intake.assessment.householdSize')} rules={required(t('intake.assessment.householdSize'))}>
                  <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['assessment', 'dependents']} label={label('intake.assessment.dependents')} rules={[nonNegative(t)]}>
                  <InputNumber max={30} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['assessment', 'workCapacity']} label={label('intake.assessment.workCapacity')} rules={required(t('intake.assessment.workCapacity'))}>
                  <Radio.Group options={WORK_CAPACITIES.map((w) => ({ value: w, label: codeLabel(t, 'intake.workCapacity', w) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Space wrap size="large">
              <Form.Item name={['assessment', 'seriousIllness']} valuePropName="checked">
                <Checkbox>{t('intake.assessment.seriousIllness')}</Checkbox>
              </Form.Item>
              <Form.Item name={['assessment', 'disability']} valuePropName="checked">
                <Checkbox>{t('intake.assessment.disability')}</Checkbox>
              </Form.Item>
              <Form.Item name={['assessment', 'urgent']} valuePropName="checked">
                <Checkbox>{t('intake.assessment.urgent')}</Checkbox>
              </Form.Item>
            </Space>
            <Form.List name={['assessment', 'rigidExpenses']}>
              {(fields, { add, remove }) => (
                <Form.Item label={t('intake.assessment.rigidExpenses')}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'kind']} rules={required(t('intake.assessment.expenseKind'))}>
                        <Select style={{ width: 140 }} placeholder={t('intake.assessment.expenseKind')} options={EXPENSE_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'intake.expense', k) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amountYuan']} rules={[...required(t('intake.assessment.amountYuan')), nonNegative(t)]}>
                        <InputNumber precision={2} placeholder={t('intake.assessment.amountYuan')} addonAfter={t('intake.yuan')} style={{ width: 200 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'note']}>
                        <Input placeholder={t('intake.assessment.expenseNote')} maxLength={200} />
                      </Form.Item>
                      <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('intake.deleteRow')}</Button>
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} data-testid="add-expense" onClick={() => add({ kind: 'medical', amountYuan: 0 })}>
                    {t('intake.assessment.addExpense')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.Item name={['assessment', 'note']} label={label('intake.assessment.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Card>

          <PartsCard parts={parts} />

          {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('intake.listSep'))} data-testid="intake-form-errors" />}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
            {t('intake.form.submit')}
          </Button>
        </Space>
      </Form>
    </>
  );
}
