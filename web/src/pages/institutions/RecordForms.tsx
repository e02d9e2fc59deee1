// 记录星级评定 and 登记/更新建设项目: small forms of an institution's page; amounts in 元.
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { FUNDING_SOURCES, PROJECT_STATUSES, type InstitutionDetail, type ProjectView } from '../../../../src/modules/institutions/contract.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { fenToYuan, yuanToFen } from '../registry/money.ts';
import { addProject, addRating, updateProject } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

function useSubmit<T extends object>(fields: readonly string[], rename: Record<string, string> = {}) {
  const t = useT();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: (v: T) => Promise<unknown>, done: () => void) => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await send(v);
      done();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        form.setFields(err.fields.map((f) => ({ name: rename[f.field] ?? f.field, errors: [f.message] })).filter((f) => fields.includes(f.name)) as Parameters<typeof form.setFields>[0]);
        setError(t('inst.fixFields'));
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, run };
}

interface RatingValues { year: number; stars: number; assessedOn: string; assessor: string; score?: number; note?: string }

export function RatingForm({ institution, onClose, onSaved }: { institution: InstitutionDetail; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { form, busy, error, run } = useSubmit<RatingValues>(['year', 'stars', 'assessedOn', 'assessor', 'score', 'note']);
  const required = (k: string) => [{ required: true, message: t('common.required', { field: k }) }];
  const year = new Date().getFullYear();
  return (
    <Modal open title={`${institution.name}：${t('inst.rating.add')}`} onCancel={onClose} confirmLoading={busy} okText={t('inst.save')}
      onOk={() => void run((v) => addRating(institution.id, { ...v, score: v.score ?? null, note: v.note ?? '' }), onSaved)}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year, stars: 3 }}>
        <Form.Item name="year" label={t('inst.rating.year')} rules={required(t('inst.rating.year'))}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
        <Form.Item name="stars" label={t('inst.rating.stars')}>
          <Select options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('inst.rating.starsN', { n }) }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="assessedOn" label={t('inst.rating.assessedOn')} rules={required(t('inst.rating.assessedOn'))}><DateInput /></Form.Item>
        <Form.Item name="assessor" label={t('inst.rating.assessor')} rules={required(t('inst.rating.assessor'))}><Input maxLength={100} /></Form.Item>
        <Form.Item name="score" label={t('inst.rating.score')} rules={[nonNegative(t)]}><InputNumber max={100} precision={2} /></Form.Item>
        <Form.Item name="note" label={t('inst.rating.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

interface ProjectValues { name: string; fundingSource: string; amount: number; status: string; year: number; startedOn?: string; completedOn?: string }

export function ProjectForm({ institution, project, onClose, onSaved }: { institution: InstitutionDetail; project?: ProjectView; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { form, busy, error, run } = useSubmit<ProjectValues>(['name', 'fundingSource', 'amount', 'status', 'year', 'startedOn', 'completedOn'], { amountFen: 'amount' });
  const status = Form.useWatch('status', form);
  const required = (k: string) => [{ required: true, message: t('common.required', { field: k }) }];
  const send = (v: ProjectValues) => {
    const body = {
      name: v.name.trim(), fundingSource: v.fundingSource, amountFen: yuanToFen(v.amount), status: v.status, year: v.year,
      startedOn: v.status === 'planned' ? null : (v.startedOn || null), completedOn: v.status === 'completed' ? (v.completedOn || null) : null,
    };
    return project ? updateProject(institution.id, project.id, { ...body, version: project.version }) : addProject(institution.id, body);
  };
  const initial = project
    ? { name: project.name, fundingSource: project.fundingSource, amount: fenToYuan(project.amountFen), status: project.status, year: project.year, startedOn: project.startedOn ?? undefined, completedOn: project.completedOn ?? undefined }
    : { fundingSource: 'central_lottery', status: 'planned', year: new Date().getFullYear() };
  return (
    <Modal open title={`${institution.name}：${project ? t('inst.project.edit') : t('inst.project.add')}`} onCancel={onClose} confirmLoading={busy} okText={t('inst.save')} onOk={() => void run(send, onSaved)}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('inst.project.name')} rules={required(t('inst.project.name'))}><Input maxLength={100} /></Form.Item>
        <Form.Item name="fundingSource" label={t('inst.project.fundingSource')}>
          <Select options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`inst.funding.${s}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('inst.project.amount')} rules={[...required(t('inst.project.amount')), nonNegative(t)]}><InputNumber precision={2} style={{ width: 220 }} /></Form.Item>
        <Form.Item name="year" label={t('inst.project.year')} rules={required(t('inst.project.year'))}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
        <Form.Item name="status" label={t('inst.project.status')}>
          <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`inst.projectStatus.${s}`) }))} />
        </Form.Item>
        {status !== 'planned' && <Form.Item name="startedOn" label={t('inst.project.startedOn')}><DateInput /></Form.Item>}
        {status === 'completed' && <Form.Item name="completedOn" label={t('inst.project.completedOn')}><DateInput /></Form.Item>}
      </Form>
    </Modal>
  );
}
