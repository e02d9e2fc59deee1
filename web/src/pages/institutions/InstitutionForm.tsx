// 登记 / 修改 an institution: the county's record of it, credit code included; the server's field
// errors shown on their fields (a wrong check character on 统一社会信用代码).
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { INSTITUTION_KINDS, type InstitutionDetail } from '../../../../src/modules/institutions/contract.ts';
import { ApiError } from '../../api/client.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { createInstitution, updateInstitution } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

interface Values {
  name: string; kind: string; address?: string; areaCode?: string; creditCode?: string; legalPersonStatus: string; legalPersonRegisteredOn?: string;
  posts: number; staffManagement: number; staffCare: number; staffMedical: number; beds: number; careBeds: number; bedsSelfCare: number; bedsPartial: number; bedsFull: number;
  openedOn?: string; status: string; closedOn?: string;
}
const COUNTS = ['posts', 'staffManagement', 'staffCare', 'staffMedical', 'beds', 'careBeds', 'bedsSelfCare', 'bedsPartial', 'bedsFull'] as const;
const FIELDS = ['name', 'kind', 'address', 'areaCode', 'creditCode', 'legalPersonStatus', 'legalPersonRegisteredOn', ...COUNTS, 'openedOn', 'status', 'closedOn'];

function initial(i: InstitutionDetail | undefined): Partial<Values> {
  if (!i) return { kind: 'nursing_home', legalPersonStatus: 'not_registered', status: 'open', ...Object.fromEntries(COUNTS.map((c) => [c, 0])) };
  return {
    name: i.name, kind: i.kind, address: i.address, areaCode: i.areaCode ?? undefined, creditCode: i.creditCode ?? undefined, legalPersonStatus: i.legalPersonStatus,
    legalPersonRegisteredOn: i.legalPersonRegisteredOn ?? undefined, posts: i.posts, staffManagement: i.staff.management, staffCare: i.staff.care, staffMedical: i.staff.medical,
    beds: i.bedSummary.total, careBeds: i.bedSummary.care, bedsSelfCare: i.bedSummary.selfCare, bedsPartial: i.bedSummary.partial, bedsFull: i.bedSummary.full,
    openedOn: i.openedOn ?? undefined, status: i.status, closedOn: i.closedOn ?? undefined,
  };
}

export function InstitutionForm({ institution, onClose, onSaved }: { institution?: InstitutionDetail; onClose: () => void; onSaved: (i: InstitutionDetail) => void }) {
  const t = useT();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const registered = Form.useWatch('legalPersonStatus', form) === 'registered';
  const closed = Form.useWatch('status', form) === 'closed';
  const county = institution?.countyCode ?? user.areaCode;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
    const body = {
      name: v.name.trim(), kind: v.kind, address: (v.address ?? '').trim(), areaCode: orNull(v.areaCode), creditCode: orNull(v.creditCode)?.toUpperCase() ?? null,
      legalPersonStatus: v.legalPersonStatus, legalPersonRegisteredOn: v.legalPersonStatus === 'registered' ? orNull(v.legalPersonRegisteredOn) : null,
      ...Object.fromEntries(COUNTS.map((c) => [c, v[c] ?? 0])), openedOn: orNull(v.openedOn),
    };
    try {
      const saved = institution
        ? await updateInstitution(institution.id, { ...body, version: institution.version, status: v.status, closedOn: v.status === 'closed' ? orNull(v.closedOn) : null })
        : await createInstitution({ ...body, countyCode: county });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        form.setFields(err.fields.filter((f) => FIELDS.includes(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
        setError(t('inst.fixFields'));
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const label = (k: string) => t(`inst.field.${k}` as MessageKey);
  const count = (k: (typeof COUNTS)[number]) => (
    <Col span={8} key={k}><Form.Item name={k} label={label(k)} rules={[nonNegative(t)]}><InputNumber max={100000} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
  );
  return (
    <Modal open title={institution ? `${t('inst.edit')}：${institution.name}` : t('inst.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('inst.save')} width={760}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial(institution)}>
        <Row gutter={12}>
          <Col span={14}><Form.Item name="name" label={label('name')} rules={[{ required: true, message: t('common.required', { field: label('name') }) }]}><Input maxLength={60} /></Form.Item></Col>
          <Col span={10}>
            <Form.Item name="kind" label={label('kind')}>
              <Select options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}` as MessageKey) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="areaCode" label={label('area')}>
              <AreaTreeSelect root={{ code: county, name: institution?.countyName ?? user.areaName, level: 'county' }} valueLabel={institution?.areaName ?? undefined} />
            </Form.Item>
          </Col>
          <Col span={12}><Form.Item name="address" label={label('address')}><Input maxLength={200} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="creditCode" label={label('creditCode')} extra={label('creditCodeHint')} normalize={(v: string) => v.toUpperCase()}><Input maxLength={18} /></Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="legalPersonStatus" label={label('legalPersonStatus')}>
              <Select options={(['registered', 'not_registered'] as const).map((s) => ({ value: s, label: t(`inst.legal.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>{registered && <Form.Item name="legalPersonRegisteredOn" label={label('legalPersonRegisteredOn')}><DateInput /></Form.Item>}</Col>
          {COUNTS.map(count)}
          <Col span={8}><Form.Item name="openedOn" label={label('openedOn')}><DateInput /></Form.Item></Col>
          {institution && (
            <>
              <Col span={8}>
                <Form.Item name="status" label={label('status')}>
                  <Select options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`inst.status.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col span={8}>{closed && <Form.Item name="closedOn" label={label('closedOn')}><DateInput /></Form.Item>}</Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
