import { Alert, Button, Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { RecordDetail } from '../../../../src/modules/relief-station/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { getRecord } from './api.ts';
import { StepDialog, type StepKind } from './StepDialog.tsx';

/** One record: the person, the screening, and the timeline 甄别 → 受助/拒绝 → 入站 → 寻亲 → 返乡/转介/离站, with a form for each next step. */
export default function RecordPage() {
  const t = useT();
  const { recordNo = '' } = useParams();
  const [tick, setTick] = useState(0);
  const [step, setStep] = useState<StepKind | null>(null);
  const rec = useApiData(() => getRecord(recordNo), [recordNo, tick]);
  const r = rec.data;
  if (!r) return rec.error ? <Alert type="error" showIcon message={t('common.loadFailed', { message: rec.error.message })} /> : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`${r.recordNo} · ${r.displayName || t('relief.refusedName')}`} extra={<Link to="/relief-station">{t('relief.detail.back')}</Link>}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag>{r.exitKind ? t(`relief.exit.${r.exitKind}`) : t(`relief.status.${r.status}`)}</Tag>
          {r.minor && <Tag color="orange">{t('relief.minorTag')}</Tag>}
          {r.overdue && <Tag color="red">{t('relief.overdueTag')}</Tag>}
          {r.stayDays !== null && <span>{t('relief.stayOf', { days: r.stayDays, limit: r.stayLimitDays ?? '—' })}</span>}
        </Space>
        {r.mayManage && <Actions r={r} onPick={setStep} />}
        <Person r={r} />
      </Card>
      <Card title={t('relief.detail.timeline')}>
        <Timeline items={r.timeline.map((s) => ({ children: <span><b>{s.on}</b> {stepLabel(t(`relief.timeline.${s.kind}`), s.label)}{s.detail ? `（${s.detail}）` : ''}</span> }))} />
      </Card>
      {step && <StepDialog kind={step} record={r} onClose={() => setStep(null)} onDone={() => { setStep(null); setTick((n) => n + 1); }} />}
    </Space>
  );
}

/** A step's heading: its kind, then the server's label unless it repeats the kind (入站, 返乡; 寻亲：公安核查 → 寻亲：公安核查, not 寻亲：寻亲：…). */
function stepLabel(kind: string, label: string): string {
  const rest = label.startsWith(`${kind}：`) ? label.slice(kind.length + 1) : label;
  return rest === '' || rest === kind ? kind : `${kind}：${rest}`;
}

function Actions({ r, onPick }: { r: RecordDetail; onPick: (k: StepKind) => void }) {
  const t = useT();
  const open = r.status === 'screened' || r.status === 'in_station';
  if (!open) return null;
  const b = (k: StepKind, label: Parameters<typeof t>[0], primary = false) => <Button key={k} type={primary ? 'primary' : 'default'} onClick={() => onPick(k)} data-testid={`relief-step-${k}`}>{t(label)}</Button>;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {r.status === 'screened' && b('entry', 'relief.step.entry', true)}
      {r.status === 'in_station' && b('services', 'relief.step.service')}
      {b('family-searches', 'relief.step.search')}
      {r.status === 'in_station' && !r.longStay && b('long-stay', 'relief.step.longStay')}
      {b('return', 'relief.step.return', r.status === 'in_station')}
      {b('referral', 'relief.step.referral')}
      {b('exit', 'relief.step.exit')}
    </Space>
  );
}

function Person({ r }: { r: RecordDetail }) {
  const t = useT();
  const unknown = t('relief.detail.unknown');
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('relief.col.station')}>{r.stationName}</Descriptions.Item>
      <Descriptions.Item label={t('relief.col.source')}>{t(`relief.source.${r.source}`)}</Descriptions.Item>
      <Descriptions.Item label={t('relief.form.metOn')}>{r.metOn}</Descriptions.Item>
      <Descriptions.Item label={t('relief.form.place')}>{r.place}</Descriptions.Item>
      <Descriptions.Item label={t('relief.col.sexAge')}>{t(`relief.sex.${r.sex}`)} / {r.age === null ? unknown : t('relief.age', { age: r.age })}</Descriptions.Item>
      <Descriptions.Item label={t('relief.col.decision')}>{t(`relief.decision.${r.decision}`)}（{r.decidedOn}）</Descriptions.Item>
      {r.decision !== 'refused' && (
        <>
          <Descriptions.Item label={t('relief.col.idNumber')}>{r.idNumber ?? unknown}</Descriptions.Item>
          <Descriptions.Item label={t('relief.form.hukouPlace')}>{r.hukouPlace ?? unknown}</Descriptions.Item>
          {r.description && <Descriptions.Item label={t('relief.form.description')} span={2}>{r.description}</Descriptions.Item>}
          <Descriptions.Item label={t('relief.form.identityStatus')}>{r.identityStatus ? t(`relief.identity.${r.identityStatus}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('relief.form.health')}>{r.health ? t(`relief.health.${r.health}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('relief.form.mentalIllness')}>{r.mentalIllness ? t(`relief.mental.${r.mentalIllness}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('relief.form.infectiousDisease')}>{r.infectiousDisease ? t('relief.form.yes') : t('relief.form.no')}</Descriptions.Item>
        </>
      )}
      {r.longStay && <Descriptions.Item label={t('relief.detail.longStay')} span={2}>{t(`relief.longStay.${r.longStay.kind}`)}（{r.longStay.on}）：{r.longStay.reason}</Descriptions.Item>}
      {r.referredTo && <Descriptions.Item label={t('relief.detail.referredTo')}>{r.referredTo.name}</Descriptions.Item>}
      {r.exitReceiver && <Descriptions.Item label={t('relief.detail.receiver')}>{r.exitReceiver}</Descriptions.Item>}
      {r.journey && (
        <Descriptions.Item label={t('relief.detail.journey')} span={2}>
          {r.journey.returnedOn} {r.journey.destination}，{t(`relief.transport.${r.journey.transport}`)}，{t('relief.detail.ticket')} {formatYuan(r.journey.ticketFen)}，
          {t('relief.detail.escort')}：{r.journey.escort ? r.journey.escortNames.join('、') : t('relief.form.no')}，{t(`relief.handover.${r.journey.handedOverTo}`)}（{r.journey.receiver}）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
