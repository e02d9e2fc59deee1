import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { CONTRACT_KINDS, FUNDINGS, TASK_KINDS, type AssistantList, type ContractList } from '../../../../src/modules/purchased-services/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { fetchUsers } from '../../api/users.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { listOrganisations } from '../volunteers/api.ts';
import * as ps from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

export type Dialog =
  | { kind: 'contract' | 'evaluation' | 'task' | 'assistant' }
  | { kind: 'end' | 'terminate' | 'perform' | 'confirm' | 'cancel'; id: number };
type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const fen = (v: unknown) => Math.round(Number(v) * 100);

interface Props {
  dialog: Dialog;
  contracts: ContractList['items'];
  allContracts: ContractList['items'];
  assistants: AssistantList['items'];
  onClose: () => void;
  onDone: () => void;
}

/** Every form of the page: a contract, its end or termination, an evaluation, a task and its steps, an assistant. */
export function PsDialog({ dialog, contracts, allContracts, assistants, onClose, onDone }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const orgs = useApiData(() => (dialog.kind === 'contract' ? listOrganisations() : Promise.resolve({ items: [] })), [dialog.kind]);
  const users = useApiData(() => (dialog.kind === 'assistant' ? fetchUsers() : Promise.resolve([])), [dialog.kind]);
  const req = [{ required: true, message: t('ps.required') }];
  const date = (name: string, label: MessageKey, required = true) => (
    <Form.Item name={name} label={t(label)} rules={required ? req : []} initialValue={required ? today() : undefined}><DateInput /></Form.Item>
  );
  const village = (
    <Form.Item name="villageCode" label={t('ps.form.village')} rules={req}><AreaTreeSelect root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} /></Form.Item>
  );
  const contractOptions = (list: ContractList['items']) => list.map((c) => ({ value: c.id, label: `${c.title}（${c.providerName}）` }));
  const id = 'id' in dialog ? dialog.id : 0;
  let title: MessageKey = 'ps.add';
  let body: ReactNode = null;
  let send: (v: Values) => Promise<unknown> = async () => undefined;
  let rename: Record<string, string> = {};
  switch (dialog.kind) {
    case 'contract':
      title = 'ps.newContract';
      rename = { amountFen: 'amountYuan' };
      body = <>
        <Form.Item name="providerId" label={t('ps.form.provider')} rules={req}>
          <Select options={(orgs.data?.items ?? []).filter((o) => o.kind !== 'charity' && o.status === 'active').map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('ps.form.contractKind')} rules={req}><Select options={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`ps.contractKind.${k}` as MessageKey) }))} /></Form.Item>
        <Form.Item name="title" label={t('ps.form.title')} rules={req}><Input /></Form.Item>
        {date('periodFrom', 'ps.form.periodFrom')}
        {date('periodTo', 'ps.form.periodTo')}
        <Form.Item name="amountYuan" label={t('ps.form.amountYuan')} rules={req}><InputNumber min={0.01} precision={2} style={{ width: 200 }} /></Form.Item>
        {date('signedOn', 'ps.form.signedOn')}
      </>;
      send = (v) => ps.createContract({ providerId: v.providerId, kind: v.kind, title: v.title, periodFrom: v.periodFrom, periodTo: v.periodTo, amountFen: fen(v.amountYuan), signedOn: v.signedOn });
      break;
    case 'end':
    case 'terminate':
      title = dialog.kind === 'end' ? 'ps.end' : 'ps.terminate';
      body = <>
        {date('on', 'ps.form.closedOn')}
        <Form.Item name="reason" label={t('ps.form.reason')} rules={dialog.kind === 'terminate' ? req : []}><Input.TextArea rows={2} /></Form.Item>
      </>;
      send = (v) => ps.closeContract(id, dialog.kind === 'end' ? 'end' : 'terminate', { on: v.on, reason: text(v.reason) });
      break;
    case 'evaluation':
      title = 'ps.evaluate';
      body = <>
        <Form.Item name="contractId" label={t('ps.form.contract')} rules={req}><Select options={contractOptions(allContracts)} /></Form.Item>
        <Form.Item name="year" label={t('ps.col.year')} rules={req} initialValue={Number(today().slice(0, 4)) - 1}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
        <Form.Item name="score" label={t('ps.form.score')} rules={[...req, nonNegative(t)]}><InputNumber max={100} precision={0} /></Form.Item>
        {date('evaluatedOn', 'ps.form.evaluatedOn')}
        <Form.Item name="remarks" label={t('ps.form.remarks')}><Input.TextArea rows={2} /></Form.Item>
      </>;
      send = (v) => ps.createEvaluation({ contractId: v.contractId, year: v.year, score: v.score, evaluatedOn: v.evaluatedOn, remarks: text(v.remarks) });
      break;
    case 'task':
      title = 'ps.assign';
      body = <>
        <Form.Item name="contractId" label={t('ps.form.contract')} rules={req}><Select options={contractOptions(contracts)} /></Form.Item>
        <Form.Item name="kind" label={t('ps.form.taskKind')} rules={req}><Select options={TASK_KINDS.map((k) => ({ value: k, label: t(`ps.taskKind.${k}` as MessageKey) }))} /></Form.Item>
        {village}
        <Form.Item name="householdNo" label={t('ps.form.householdNo')}><Input maxLength={14} /></Form.Item>
        <Form.Item name="personId" label={t('ps.form.personId')}><Input /></Form.Item>
        <Form.Item name="description" label={t('ps.form.description')}><Input.TextArea rows={2} /></Form.Item>
        {date('assignedOn', 'ps.form.assignedOn')}
        {date('dueOn', 'ps.form.dueOn')}
        <Form.Item name="workerName" label={t('ps.form.workerName')}><Input /></Form.Item>
        <Form.Item name="assistantId" label={t('ps.form.assistant')}><Select allowClear options={assistants.map((a) => ({ value: a.id, label: `${a.name}（${a.villageName}）` }))} /></Form.Item>
      </>;
      send = (v) => ps.createTask({
        contractId: v.contractId, kind: v.kind, villageCode: v.villageCode, householdNo: text(v.householdNo), personId: text(v.personId), description: text(v.description),
        assignedOn: v.assignedOn, dueOn: v.dueOn, workerName: text(v.workerName), assistantId: v.assistantId ?? undefined,
      });
      break;
    case 'perform':
      title = 'ps.perform';
      body = <>
        {date('doneOn', 'ps.form.doneOn')}
        <Form.Item name="minutes" label={t('ps.form.minutes')} rules={req}><InputNumber min={1} max={1440} precision={0} /></Form.Item>
        <Form.Item name="findings" label={t('ps.form.findings')} rules={req}><Input.TextArea rows={3} /></Form.Item>
      </>;
      send = (v) => ps.taskStep(id, 'perform', { doneOn: v.doneOn, minutes: v.minutes, findings: v.findings });
      break;
    case 'confirm':
      title = 'ps.confirm';
      body = <>{date('confirmedOn', 'ps.form.confirmedOn')}<Alert type="info" showIcon message={t('ps.form.selfNote')} /></>;
      send = (v) => ps.taskStep(id, 'confirm', { confirmedOn: v.confirmedOn });
      break;
    case 'cancel':
      title = 'ps.cancel';
      body = <>{date('cancelledOn', 'ps.form.cancelledOn')}<Form.Item name="reason" label={t('ps.form.reason')} rules={req}><Input.TextArea rows={2} /></Form.Item></>;
      send = (v) => ps.taskStep(id, 'cancel', { cancelledOn: v.cancelledOn, reason: v.reason });
      break;
    case 'assistant':
      title = 'ps.newAssistant';
      body = <>
        <Form.Item name="name" label={t('ps.col.name')} rules={req}><Input /></Form.Item>
        <Form.Item name="idNumber" label={t('ps.col.idNumber')} rules={req}><Input maxLength={18} /></Form.Item>
        <Form.Item name="phone" label={t('ps.col.phone')}><Input /></Form.Item>
        {village}
        {date('employedFrom', 'ps.form.employedFrom')}
        {date('employedTo', 'ps.form.employedTo', false)}
        <Form.Item name="funding" label={t('ps.col.funding')} rules={req}><Select options={FUNDINGS.map((f) => ({ value: f, label: t(`ps.funding.${f}` as MessageKey) }))} /></Form.Item>
        <Form.Item name="contractId" label={t('ps.form.contract')}><Select allowClear options={contractOptions(allContracts)} /></Form.Item>
        <Form.Item name="userId" label={t('ps.form.account')}>
          <Select allowClear showSearch optionFilterProp="label" options={(users.data ?? []).filter((u) => u.role === 'village_clerk').map((u) => ({ value: u.id, label: `${u.displayName}（${u.areaName}）` }))} />
        </Form.Item>
      </>;
      send = (v) => ps.registerAssistant({
        name: v.name, idNumber: v.idNumber, phone: text(v.phone), villageCode: v.villageCode, employedFrom: v.employedFrom, employedTo: text(v.employedTo),
        funding: v.funding, contractId: v.contractId ?? undefined, userId: v.userId ?? undefined,
      });
      break;
  }
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await send(v);
    onDone();
  }, rename);
  return (
    <Modal open title={t(title)} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('ps.save')} width={600}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">{body}</Form>
    </Modal>
  );
}
