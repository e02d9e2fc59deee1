import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/context.ts';
import { addMember, removeMember, replaceAssets, replaceIncomes, updateHousehold, updateMember, type HouseholdDetail } from './api.ts';
import { knownFields } from './fieldErrors.ts';
import {
  ASSET_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, MEMBER_FIELDS, NEW_MEMBER, RENAMED, fromAsset, fromIncome, fromMember,
  toAsset, toHouseholdFields, toIncome, toMember,
  type AssetFormValues, type HouseholdFormValues, type IncomeFormValues, type MemberFormValues,
} from './formValues.ts';
import { HouseholdFieldsForm } from './HouseholdFieldsForm.tsx';
import { ItemListFields } from './ItemListFields.tsx';
import { MemberFieldsForm } from './MemberFieldsForm.tsx';
import type { EditRequest } from './tabs.tsx';
import { useFormSubmit } from './useFormSubmit.ts';
import { useUnsavedGuard, type UnsavedGuard } from '../../forms/useUnsavedGuard.ts';

export interface EditModalProps {
  request: EditRequest;
  /** Shown in full: the forms send back what they show. */
  detail: HouseholdDetail;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * The dialog of an edit: `guard` (the long forms: household, member, incomes, assets) keeps what was typed from a
 * stray click — closing the dialog or leaving the page asks first.
 */
function Shell(props: { title: string; busy: boolean; errors: string[]; onOk: () => void; onClose: () => void; wide?: boolean; guard?: UnsavedGuard; children: ReactNode }) {
  const t = useT();
  const { guard, onClose } = props;
  return (
    <Modal
      open
      title={props.title}
      width={props.wide ? 1100 : 900}
      okText={t('registry.action.save')}
      cancelText={t('registry.action.cancel')}
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={() => (guard ? guard.confirmClose(onClose) : onClose())}
      destroyOnHidden
      maskClosable={false}
    >
      {guard?.holder}
      {props.errors.length > 0 && <Alert type="error" showIcon message={props.errors.join(t('registry.fmt.items'))} style={{ marginBottom: 16 }} />}
      {props.children}
    </Modal>
  );
}

function HouseholdModal({ detail, onClose, onSaved }: EditModalProps) {
  const t = useT();
  const [form] = Form.useForm<HouseholdFormValues>();
  const no = detail.household.householdNo;
  const guard = useUnsavedGuard();
  const { busy, errors, submit } = useFormSubmit(form, { onForm: knownFields(HOUSEHOLD_FIELDS) }, (v) => updateHousehold(no, toHouseholdFields(v)), () => {
    guard.saved();
    onSaved();
  });
  return (
    <Shell title={t('registry.detail.editHousehold')} busy={busy} errors={errors} onOk={submit} onClose={onClose} guard={guard}>
      <Form<HouseholdFormValues> form={form} layout="vertical" initialValues={detail.household} data-testid="household-edit" onValuesChange={guard.changed}>
        <HouseholdFieldsForm prefix={[]} />
      </Form>
    </Shell>
  );
}

function MemberModal({ detail, request, onClose, onSaved }: EditModalProps) {
  const t = useT();
  const [form] = Form.useForm<MemberFormValues>();
  const no = detail.household.householdNo;
  const existing = request.kind === 'member' && request.index !== undefined ? detail.members[request.index] : undefined;
  const save = (v: MemberFormValues) => (existing ? updateMember(no, toMember({ ...v, idNumber: existing.idNumber })) : addMember(no, toMember(v)));
  const guard = useUnsavedGuard();
  const { busy, errors, submit } = useFormSubmit(form, { onForm: knownFields(MEMBER_FIELDS) }, save, () => {
    guard.saved();
    onSaved();
  });
  return (
    <Shell title={existing ? t('registry.member.edit', { name: existing.name }) : t('registry.member.add')} busy={busy} errors={errors} onOk={submit} onClose={onClose} guard={guard}>
      <Form<MemberFormValues> form={form} layout="vertical" initialValues={existing ? fromMember(existing) : { ...NEW_MEMBER, hukou: detail.household.hukou, relation: 'child' }} data-testid="member-form" onValuesChange={guard.changed}>
        <MemberFieldsForm prefix={[]} absolute={[]} lockId={existing !== undefined} />
      </Form>
    </Shell>
  );
}

function RemoveMemberModal({ detail, request, onClose, onSaved }: EditModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const member = request.kind === 'removeMember' ? detail.members[request.index] : undefined;
  const no = detail.household.householdNo;
  const save = async (v: { reason: string }) => (member ? removeMember(no, member.idNumber, v.reason.trim()) : undefined);
  const { busy, errors, submit } = useFormSubmit(form, { onForm: knownFields(['reason']) }, save, onSaved);
  const label = t('registry.field.reason');
  return (
    <Shell title={t('registry.member.remove', { name: member?.name ?? '' })} busy={busy} errors={errors} onOk={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('registry.member.removeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="member-remove-form">
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }, { max: 200 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Shell>
  );
}

type ItemsValues = { incomes?: IncomeFormValues[]; assets?: AssetFormValues[] };

function ItemsModal({ detail, request, onClose, onSaved }: EditModalProps) {
  const t = useT();
  const [form] = Form.useForm<ItemsValues>();
  const list = request.kind === 'assets' ? 'assets' : 'incomes';
  const no = detail.household.householdNo;
  const members = detail.members.map((m) => ({ value: m.idNumber, label: t('registry.fmt.paren', { text: m.name, note: m.idNumber }) }));
  const save = (v: ItemsValues) =>
    list === 'incomes' ? replaceIncomes(no, (v.incomes ?? []).map(toIncome)) : replaceAssets(no, (v.assets ?? []).map(toAsset));
  const mapping = { rename: RENAMED, lists: { items: list }, onForm: knownFields([], { [list]: list === 'incomes' ? INCOME_FIELDS : ASSET_FIELDS }) };
  const guard = useUnsavedGuard();
  const { busy, errors, submit } = useFormSubmit(form, mapping, save, () => {
    guard.saved();
    onSaved();
  });
  const initial: ItemsValues = list === 'incomes' ? { incomes: detail.incomes.map(fromIncome) } : { assets: detail.assets.map(fromAsset) };
  return (
    <Shell title={t(list === 'incomes' ? 'registry.incomes.edit' : 'registry.assets.edit')} busy={busy} errors={errors} onOk={submit} onClose={onClose} wide guard={guard}>
      <Form<ItemsValues> form={form} layout="vertical" initialValues={initial} data-testid={`${list}-form`} onValuesChange={guard.changed}>
        <ItemListFields list={list} members={members} />
      </Form>
    </Shell>
  );
}

/** The form for one edit request of the household page. */
export function EditModal(props: EditModalProps) {
  switch (props.request.kind) {
    case 'household':
      return <HouseholdModal {...props} />;
    case 'member':
      return <MemberModal {...props} />;
    case 'removeMember':
      return <RemoveMemberModal {...props} />;
    case 'incomes':
    case 'assets':
      return <ItemsModal {...props} />;
  }
}
