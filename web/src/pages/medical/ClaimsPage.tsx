import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ClaimCreated, ClaimItem, ClaimList, PersonYear } from '../../../../src/modules/medical/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fenToYuan, formatYuan, yuanToFen } from '../registry/money.ts';
import type { z } from 'zod';
import type { referralDetail, requestDetail } from '../../../../src/modules/intake/contract.ts';
import { nonNegative } from '../../forms/rules.ts';

interface ClaimForm {
  householdNo: string; applicantIdNumber: string; appliedOn?: string; referralId?: number;
  kind: 'inpatient' | 'outpatient'; critical: boolean; diagnosis: string; hospital: string; admittedOn: string; dischargedOn?: string;
  totalCost: number; basicInsurance: number; criticalInsurance?: number; eligibleSelfPay: number; settlementNo?: string; nearDibao: boolean; method: 'transfer' | 'cash';
}

const STATUS_COLORS: Record<string, string> = { pending: 'blue', paid: 'green', void: 'default' };
/** The server's field names of a claim (details.*) → the form's. */
const FORM_FIELD: Record<string, keyof ClaimForm> = {
  'details.totalCostFen': 'totalCost', 'details.basicInsuranceFen': 'basicInsurance', 'details.criticalInsuranceFen': 'criticalInsurance', 'details.eligibleSelfPayFen': 'eligibleSelfPay',
};

function NewClaim({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClaimForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const details = {
        kind: v.kind, critical: v.critical, diagnosis: v.diagnosis, hospital: v.hospital, admittedOn: v.admittedOn, ...(v.dischargedOn ? { dischargedOn: v.dischargedOn } : {}),
        totalCostFen: yuanToFen(v.totalCost), basicInsuranceFen: yuanToFen(v.basicInsurance), criticalInsuranceFen: yuanToFen(v.criticalInsurance ?? 0), eligibleSelfPayFen: yuanToFen(v.eligibleSelfPay),
        ...(v.settlementNo ? { settlementNo: v.settlementNo } : {}), nearDibao: v.nearDibao, method: v.method,
      };
      const r = await api<ClaimCreated>('/medical/claims', { method: 'POST', body: {
        householdNo: v.householdNo.trim(), applicantIdNumber: v.applicantIdNumber.trim(), ...(v.appliedOn ? { appliedOn: v.appliedOn } : {}), ...(v.referralId ? { referralId: v.referralId } : {}), details,
      } });
      navigate(`/cases/${r.caseNo}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        form.setFields(err.fields.map((f) => ({ name: FORM_FIELD[f.field] ?? (f.field.replace(/^details\./, '') as keyof ClaimForm), errors: [f.message] })));
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  // Answering a referral that carries the claim facts (an online 医疗救助 application): the form takes them, the household and the day it was received.
  const [filled, setFilled] = useState<string | null>(null);
  const fillFromReferral = async () => {
    const id = form.getFieldValue('referralId') as number | undefined;
    if (!id) return;
    setError(null);
    setFilled(null);
    try {
      const r = await api<z.output<typeof referralDetail>>(`/intake/referrals/${id}`);
      const request = await api<z.output<typeof requestDetail>>(`/intake/requests/${encodeURIComponent(r.requestNo)}`);
      const d = r.details ?? {};
      const str = (k: string) => (typeof d[k] === 'string' ? d[k] : undefined);
      const yuan = (k: string) => (typeof d[k] === 'number' ? fenToYuan(d[k]) : undefined);
      const kind = str('kind');
      form.setFieldsValue({
        ...(request.householdNo ? { householdNo: request.householdNo } : {}), appliedOn: r.receivedOn,
        ...(kind === 'inpatient' || kind === 'outpatient' ? { kind } : {}),
        diagnosis: str('diagnosis'), hospital: str('hospital'), admittedOn: str('admittedOn'), dischargedOn: str('dischargedOn'), settlementNo: str('settlementNo'),
        totalCost: yuan('totalCostFen'), basicInsurance: yuan('basicInsuranceFen'), criticalInsurance: yuan('criticalInsuranceFen'), eligibleSelfPay: yuan('eligibleSelfPayFen'),
      });
      setFilled(t(r.details ? 'medical.claims.form.filled' : 'medical.claims.form.filledNoFacts', { name: r.personName, idNumber: r.personIdNumber }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const yuanField = (name: keyof ClaimForm, label: string, required = true) => (
    <Form.Item name={name} label={label} rules={[...(required ? [{ required: true, message: t('common.required', { field: label }) }] : []), nonNegative(t)]}>
      <InputNumber precision={2} addonAfter={t('medical.claims.form.yuan')} style={{ width: 220 }} data-testid={`claim-${name}`} />
    </Form.Item>
  );
  const text = (name: keyof ClaimForm, label: string, required = true, type?: 'date') => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('common.required', { field: label }) }] : []}>
      <Input type={type} data-testid={`claim-${name}`} />
    </Form.Item>
  );
  return (
    <Modal open title={t('medical.claims.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('medical.claims.form.submit')} width={640} okButtonProps={{ 'data-testid': 'claim-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="claim-error" />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'inpatient', critical: false, nearDibao: false, method: 'transfer' }}>
        {text('householdNo', t('medical.claims.form.householdNo'))}
        {text('applicantIdNumber', t('medical.claims.form.applicant'))}
        {text('appliedOn', t('medical.claims.form.appliedOn'), false, 'date')}
        <Form.Item label={t('medical.claims.form.referralId')} extra={filled ?? undefined}>
          <Space>
            <Form.Item name="referralId" noStyle><InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="claim-referralId" /></Form.Item>
            <Button onClick={() => void fillFromReferral()} data-testid="claim-fill-referral">{t('medical.claims.form.fill')}</Button>
          </Space>
        </Form.Item>
        <Form.Item name="kind" label={t('medical.claims.form.kind')}>
          <Radio.Group options={[{ value: 'inpatient', label: t('medical.claims.form.inpatient') }, { value: 'outpatient', label: t('medical.claims.form.outpatient') }]} />
        </Form.Item>
        <Form.Item name="critical" valuePropName="checked"><Checkbox>{t('medical.claims.form.critical')}</Checkbox></Form.Item>
        {text('diagnosis', t('medical.claims.form.diagnosis'))}
        {text('hospital', t('medical.claims.form.hospital'))}
        {text('admittedOn', t('medical.claims.form.admittedOn'), true, 'date')}
        {text('dischargedOn', t('medical.claims.form.dischargedOn'), false, 'date')}
        {yuanField('totalCost', t('medical.claims.form.totalCost'))}
        {yuanField('basicInsurance', t('medical.claims.form.basicInsurance'))}
        {yuanField('criticalInsurance', t('medical.claims.form.criticalInsurance'), false)}
        {yuanField('eligibleSelfPay', t('medical.claims.form.eligibleSelfPay'))}
        {text('settlementNo', t('medical.claims.form.settlementNo'), false)}
        <Form.Item name="nearDibao" valuePropName="checked"><Checkbox>{t('medical.claims.form.nearDibao')}</Checkbox></Form.Item>
        <Form.Item name="method" label={t('medical.claims.form.method')}>
          <Radio.Group options={[{ value: 'transfer', label: t('medical.claims.form.transfer') }, { value: 'cash', label: t('medical.claims.form.cash') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PersonYearCard() {
  const t = useT();
  const [idNumber, setIdNumber] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [data, setData] = useState<PersonYear | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    setError(null);
    try {
      setData(await api<PersonYear>('/medical/person-year', { method: 'POST', body: { idNumber: idNumber.trim(), year } }));
    } catch (err) {
      setData(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const y = (fen: number) => formatYuan(fen);
  return (
    <Card size="small" title={t('medical.claims.person.title')}>
      <Space wrap>
        <Input placeholder={t('medical.claims.person.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} style={{ width: 220 }} data-testid="person-id" />
        <InputNumber aria-label={t('medical.claims.year')} value={year} min={2000} max={2100} precision={0} onChange={(v) => setYear(v ?? year)} />
        <Button onClick={() => void search()} data-testid="person-search">{t('medical.claims.person.search')}</Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {data && (data.episodes.length === 0 ? <p>{t('medical.claims.person.none')}</p> : (
        <>
          <p data-testid="person-totals">{t('medical.claims.person.totals', {
            year: String(data.year), outpatient: y(data.totals.outpatientFen), inpatient: y(data.totals.inpatientFen), critical: y(data.totals.criticalFen),
            tilt: y(data.totals.tiltFen), total: y(data.totals.totalFen), times: String(data.totals.times),
          })}</p>
          <Table size="small" rowKey={(e) => `${e.source}-${e.caseNo ?? e.settlementNo ?? ''}-${e.admittedOn}`} pagination={false} dataSource={data.episodes} columns={[
            { key: 'source', title: t('medical.claims.col.source'), dataIndex: 'sourceLabel' },
            { key: 'kind', title: t('medical.claims.col.kind'), render: (_, e) => <>{e.kindLabel}{e.critical && <Tag color="red" style={{ marginLeft: 4 }}>{t('medical.claims.critical')}</Tag>}</> },
            { key: 'hospital', title: t('medical.claims.col.hospital'), dataIndex: 'hospital' },
            { key: 'dates', title: t('medical.claims.col.dates'), render: (_, e) => `${e.admittedOn} ~ ${e.dischargedOn}` },
            { key: 'assistance', title: t('medical.claims.col.assistance'), align: 'right', render: (_, e) => y(e.assistanceFen + e.tiltFen) },
            { key: 'status', title: t('medical.claims.col.state'), dataIndex: 'statusLabel' },
          ]} />
        </>
      ))}
    </Card>
  );
}

/** 医疗救助: the claims of the user's area, recording a claim, a person's year; links to subsidy lists and settlement imports. */
export default function ClaimsPage() {
  const t = useT();
  const me = useCurrentUser();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<'pending' | 'paid' | 'void' | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const canRead = can(me, 'cases.read');
  const list = useApiData(() => (canRead ? api<ClaimList>(`/medical/claims?limit=100${year ? `&year=${year}` : ''}${status ? `&status=${status}` : ''}`) : Promise.resolve({ items: [], next: null })), [year, status, canRead]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('medical.claims.title')} extra={<Space>
        {can(me, 'medical.lists') && <Link to="/medical/subsidy">{t('medical.claims.subsidyLink')}</Link>}
        <Link to="/medical/settlements">{t('medical.claims.settlementsLink')}</Link>
      </Space>}>
        {canRead && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {can(me, 'cases.write') && me.areaLevel === 'township' && <Button type="primary" onClick={() => setAdding(true)} data-testid="claim-new">{t('medical.claims.new')}</Button>}
              <InputNumber aria-label={t('medical.claims.year')} placeholder={t('medical.claims.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => setYear(v ?? undefined)} />
              <Select<'pending' | 'paid' | 'void'> aria-label={t('medical.claims.status')} allowClear placeholder={t('medical.claims.status')} style={{ width: 140 }} value={status} onChange={(v) => setStatus(v)}
                options={(['pending', 'paid', 'void'] as const).map((s) => ({ value: s, label: t(`medical.claims.status.${s}`) }))} />
            </Space>
            {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
            <Table<ClaimItem> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="claims-table" locale={{ emptyText: t('common.noData') }} columns={[
              { key: 'caseNo', title: t('medical.claims.col.caseNo'), render: (_, c) => (c.caseNo ? <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> : null) },
              { key: 'name', title: t('medical.claims.col.name'), dataIndex: 'name' },
              { key: 'id', title: t('medical.claims.col.idNumber'), dataIndex: 'idNumber' },
              { key: 'area', title: t('medical.claims.col.area'), dataIndex: 'areaName' },
              { key: 'kind', title: t('medical.claims.col.kind'), render: (_, c) => <>{c.kindLabel}{c.critical && <Tag color="red" style={{ marginLeft: 4 }}>{t('medical.claims.critical')}</Tag>}</> },
              { key: 'hospital', title: t('medical.claims.col.hospital'), dataIndex: 'hospital' },
              { key: 'dates', title: t('medical.claims.col.dates'), render: (_, c) => `${c.admittedOn} ~ ${c.dischargedOn}` },
              { key: 'selfPay', title: t('medical.claims.col.selfPay'), align: 'right', render: (_, c) => formatYuan(c.eligibleSelfPayFen) },
              { key: 'assistance', title: t('medical.claims.col.assistance'), align: 'right', render: (_, c) => (c.status === 'paid' ? formatYuan(c.assistanceFen + c.tiltFen) : '—') },
              { key: 'tilt', title: t('medical.claims.col.tilt'), align: 'right', render: (_, c) => (c.tiltFen > 0 ? formatYuan(c.tiltFen) : '—') },
              { key: 'state', title: t('medical.claims.col.state'), render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{c.caseStateLabel ?? c.statusLabel}</Tag> },
            ]} />
          </Space>
        )}
      </Card>
      {canRead && <PersonYearCard />}
      {adding && <NewClaim onClose={() => setAdding(false)} />}
    </Space>
  );
}
