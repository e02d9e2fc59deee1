import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Space, message } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { createHousehold } from './api.ts';
import { showFieldErrors, knownFields } from './fieldErrors.ts';
import {
  ASSET_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, MEMBER_FIELDS, NEW_HOUSEHOLD, NEW_MEMBER, RENAMED,
  toAsset, toHouseholdFields, toIncome, toMember,
  type AssetFormValues, type HouseholdFormValues, type IncomeFormValues, type MemberFormValues,
} from './formValues.ts';
import { HouseholdFieldsForm } from './HouseholdFieldsForm.tsx';
import { useUnsavedGuard } from '../../forms/useUnsavedGuard.ts';
import { ItemListFields } from './ItemListFields.tsx';
import { MemberFieldsForm } from './MemberFieldsForm.tsx';

interface CreateFormValues {
  household: HouseholdFormValues & { villageCode: string };
  members: MemberFormValues[];
  incomes?: IncomeFormValues[];
  assets?: AssetFormValues[];
}

const ON_FORM = knownFields([], { household: HOUSEHOLD_FIELDS, members: MEMBER_FIELDS, incomes: INCOME_FIELDS, assets: ASSET_FIELDS });

export default function HouseholdCreatePage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateFormValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [toast, toastHolder] = message.useMessage();
  const guard = useUnsavedGuard();
  const members = Form.useWatch('members', form) ?? [];
  // Members inherit the household's 户籍: a new member starts with it, and changing it carries over to every
  // member who still had the household's former one (a member set otherwise keeps their own).
  const householdHukou = useRef(NEW_HOUSEHOLD.hukou);
  const onValuesChange = (changed: Partial<{ household: Partial<HouseholdFormValues> }>) => {
    guard.changed();
    const hukou = changed.household?.hukou;
    if (hukou === undefined) return;
    const before = householdHukou.current;
    householdHukou.current = hukou;
    const rows = form.getFieldValue('members') as (MemberFormValues | undefined)[] | undefined;
    rows?.forEach((m, i) => {
      if (m?.hukou === before) form.setFieldValue(['members', i, 'hukou'], hukou);
    });
  };
  const memberOptions = members
    .filter((m): m is MemberFormValues => Boolean(m?.idNumber))
    .map((m) => ({ value: m.idNumber.trim().toUpperCase(), label: m.name ? t('registry.fmt.paren', { text: m.name, note: m.idNumber }) : m.idNumber }));

  const onFinish = async (v: CreateFormValues) => {
    setErrors([]);
    if (v.members.filter((m) => m.relation === 'head').length !== 1) {
      setErrors([t('registry.form.oneHead')]);
      return;
    }
    setBusy(true);
    try {
      const no = await createHousehold({
        household: { villageCode: v.household.villageCode, ...toHouseholdFields(v.household) },
        members: v.members.map(toMember),
        incomes: (v.incomes ?? []).map(toIncome),
        assets: (v.assets ?? []).map(toAsset),
      });
      void toast.success(t('registry.create.created', { no }));
      guard.saved();
      navigate(`/households/${no}`);
    } catch (err) {
      setErrors(showFieldErrors(form, err, { rename: RENAMED, onForm: ON_FORM }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<CreateFormValues>
      form={form}
      layout="vertical"
      data-testid="household-create"
      initialValues={{ household: NEW_HOUSEHOLD, members: [{ ...NEW_MEMBER, relation: 'head' }], incomes: [], assets: [] }}
      onValuesChange={onValuesChange}
      onFinish={(v) => void onFinish(v)}
      onFinishFailed={() => setErrors([t('registry.form.fixErrors')])}
      scrollToFirstError
    >
      {toastHolder}
      {guard.holder}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('registry.create.title')} extra={<Link to="/households">{t('registry.action.back')}</Link>}>
          <HouseholdFieldsForm prefix={['household']} villageRoot={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} />
        </Card>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Card title={t('registry.create.members')}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  data-testid={`member-${i}`}
                  title={t('registry.create.member', { n: i + 1 })}
                  style={{ marginBottom: 16 }}
                  extra={fields.length > 1 && <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('registry.action.deleteRow')}</Button>}
                >
                  <MemberFieldsForm prefix={[field.name]} absolute={['members', field.name]} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} data-testid="add-member" onClick={() => add({ ...NEW_MEMBER, hukou: householdHukou.current })}>
                {t('registry.member.add')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Card title={t('registry.tab.incomes')}>
          <ItemListFields list="incomes" members={memberOptions} />
        </Card>
        <Card title={t('registry.tab.assets')}>
          <ItemListFields list="assets" members={memberOptions} />
        </Card>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('registry.fmt.items'))} data-testid="form-errors" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="create-submit">
          {t('registry.action.save')}
        </Button>
      </Space>
    </Form>
  );
}
