import { Alert, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DAMAGE_STATUSES, HOUSE_GRADES, type DamageItem, type DamageList, type DamageStatus, type EventDetail, type HouseGrade } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { DamageForm } from './DamageForm.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { todayInChina } from '../../components/today.ts';

const STATUS_COLOR: Record<DamageStatus, string> = { recorded: 'orange', verified: 'green', void: 'default' };

/** 核查 or 作废 one entry: a date or a reason, then the step. */
function StepModal({ eventNo, entry, kind, onClose, onDone }: { eventNo: string; entry: DamageItem; kind: 'verify' | 'void'; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [value, setValue] = useState(kind === 'verify' ? todayInChina() : '');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await api(`/disaster/events/${eventNo}/damage/${entry.householdNo}/${kind}`, { method: 'POST', body: kind === 'verify' ? { verifiedOn: value } : { reason: value } });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Modal open title={`${t(`disaster.damage.${kind}`)} ${entry.headName}（${entry.householdNo}）`} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ disabled: value.trim() === '', 'data-testid': `${kind}-submit` }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="step-error" />}
      {kind === 'verify' && <Typography.Paragraph type="secondary">{t('disaster.damage.verifyHint')}</Typography.Paragraph>}
      <Space>
        {kind === 'verify' ? t('disaster.damage.verifiedOn') : t('disaster.damage.voidReason')}
        {kind === 'verify'
          ? <DateInput value={value} onChange={setValue} max={todayInChina()} style={{ width: 170 }} data-testid="verify-value" />
          : <Input maxLength={200} value={value} onChange={(e) => setValue(e.target.value)} data-testid="void-value" />}
      </Space>
    </Modal>
  );
}

/** 受灾户登记 of one event: filters, totals by grade and status, registering, correcting, two verifications, voiding. */
export function DamageTab({ event }: { event: EventDetail }) {
  const t = useT();
  const [grade, setGrade] = useState<HouseGrade | undefined>(undefined);
  const [status, setStatus] = useState<DamageStatus | undefined>(undefined);
  const [limit, setLimit] = useState(100);
  const [form, setForm] = useState<{ entry?: DamageItem } | null>(null);
  const [step, setStep] = useState<{ entry: DamageItem; kind: 'verify' | 'void' } | null>(null);
  const query = new URLSearchParams({ limit: String(limit), ...(grade ? { grade } : {}), ...(status ? { status } : {}) });
  const list = useApiData(() => api<DamageList>(`/disaster/events/${event.eventNo}/damage?${query.toString()}`), [event.eventNo, grade, status, limit]);
  const done = () => { setForm(null); setStep(null); list.reload(); };
  const d = list.data;
  const live = d ? HOUSE_GRADES.reduce((s, g) => ({ households: s.households + d.totals.byGrade[g].households, persons: s.persons + d.totals.byGrade[g].persons }), { households: 0, persons: 0 }) : undefined;
  const verifiers = (e: DamageItem) => [e.firstVerifiedBy && `${e.firstVerifiedBy}（${e.firstVerifiedOn ?? ''}）`, e.secondVerifiedBy && `${e.secondVerifiedBy}（${e.secondVerifiedOn ?? ''}）`].filter(Boolean).join('、') || '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {d?.mayRecord && <Button type="primary" onClick={() => setForm({})} data-testid="damage-new">{t('disaster.damage.new')}</Button>}
        <Select allowClear placeholder={t('disaster.damage.allGrades')} style={{ width: 140 }} value={grade} onChange={setGrade} options={HOUSE_GRADES.map((g) => ({ value: g, label: t(`disaster.grade.${g}`) }))} data-testid="damage-filter-grade" />
        <Select allowClear placeholder={t('disaster.damage.allStatuses')} style={{ width: 140 }} value={status} onChange={setStatus} options={DAMAGE_STATUSES.map((s) => ({ value: s, label: t(`disaster.status.${s}`) }))} data-testid="damage-filter-status" />
      </Space>
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
      {d && live && (
        <Space direction="vertical" size={2} data-testid="damage-totals">
          <Typography.Text strong>{t('disaster.damage.totals', { households: live.households, persons: live.persons, loss: formatYuan(d.totals.directLossFen) })}</Typography.Text>
          <Typography.Text type="secondary">
            {HOUSE_GRADES.map((g) => t('disaster.damage.byGrade', { grade: t(`disaster.grade.${g}`), households: d.totals.byGrade[g].households })).join('；')}
            {' ｜ '}
            {DAMAGE_STATUSES.map((s) => t('disaster.damage.byStatus', { status: t(`disaster.status.${s}`), households: d.totals.byStatus[s].households })).join('；')}
          </Typography.Text>
        </Space>
      )}
      <Table<DamageItem> size="small" rowKey="id" loading={list.loading} dataSource={d?.items ?? []} pagination={false} scroll={{ x: true }} data-testid="damage-table" locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'no', title: t('disaster.damage.householdNo'), dataIndex: 'householdNo' },
        { key: 'head', title: t('disaster.damage.headName'), render: (_, e) => <>{e.headName}{e.addedOnSpot && <Tag style={{ marginLeft: 4 }}>{t('disaster.damage.addedOnSpot')}</Tag>}</> },
        { key: 'area', title: t('disaster.damage.area'), dataIndex: 'areaName' },
        { key: 'persons', title: t('disaster.damage.personsAffected'), dataIndex: 'personsAffected', align: 'right' },
        { key: 'homeless', title: t('disaster.damage.personsHomeless'), dataIndex: 'personsHomeless', align: 'right' },
        { key: 'grade', title: t('disaster.damage.houseGrade'), render: (_, e) => t(`disaster.grade.${e.houseGrade}`) },
        { key: 'structure', title: t('disaster.damage.houseStructure'), render: (_, e) => t(`disaster.structure.${e.houseStructure}`) },
        { key: 'rooms', title: t('disaster.damage.roomsDamaged'), dataIndex: 'roomsDamaged', align: 'right' },
        { key: 'loss', title: t('disaster.damage.directLoss'), align: 'right', render: (_, e) => formatYuan(e.directLossFen) },
        { key: 'type', title: t('disaster.damage.householdType'), render: (_, e) => t(`disaster.householdType.${e.householdType}`) },
        { key: 'status', title: t('disaster.damage.status'), render: (_, e) => <Tag color={STATUS_COLOR[e.status]}>{t(`disaster.status.${e.status}`)}</Tag> },
        { key: 'recorded', title: t('disaster.damage.recordedBy'), render: (_, e) => `${e.recordedBy}（${e.recordedOn}）` },
        { key: 'verifiers', title: t('disaster.damage.verifiers'), render: (_, e) => verifiers(e) },
        { key: 'void', title: t('disaster.damage.voidReason'), render: (_, e) => e.voidReason ?? '' },
        { key: 'actions', title: '', render: (_, e) => d?.mayRecord && e.status !== 'void' && (
          <Space size={4}>
            {e.status === 'recorded' && <Button size="small" onClick={() => setStep({ entry: e, kind: 'verify' })} data-testid={`verify-${e.householdNo}`}>{t('disaster.damage.verify')}</Button>}
            {e.status === 'recorded' && <Button size="small" onClick={() => setForm({ entry: e })} data-testid={`correct-${e.householdNo}`}>{t('disaster.damage.correct')}</Button>}
            <Button size="small" danger onClick={() => setStep({ entry: e, kind: 'void' })} data-testid={`void-${e.householdNo}`}>{t('disaster.damage.void')}</Button>
          </Space>
        ) },
      ]} />
      {d !== undefined && d.next !== null && limit < 500 && <Button onClick={() => setLimit(Math.min(limit + 100, 500))}>{t('disaster.damage.more')}</Button>}
      {form && <DamageForm event={event} {...(form.entry ? { entry: form.entry } : {})} onClose={() => setForm(null)} onDone={done} />}
      {step && <StepModal eventNo={event.eventNo} entry={step.entry} kind={step.kind} onClose={() => setStep(null)} onDone={done} />}
    </Space>
  );
}
