import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import {
  ACTIONS, ACTION_LABELS, CARER_KINDS, CARER_LABELS, KINDS, KIND_LABELS, RISKS, RISK_LABELS, type LeftBehindFigures, type PersonFile, type SurveyItem, type WarningList,
} from '../../../../src/modules/left-behind/contract.ts';
import { DEPARTMENTS } from '../../../../src/kernel/permissions.ts';

/** The needs a 留守 warning is referred for (the intake's names). */
const REFERRAL_NEEDS = ['medical', 'education', 'housing', 'employment', 'other'] as const;
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { figures, getPerson, listSurveys, listWarnings, personStep, recordSurvey, type PersonStep, type SurveyFilter } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';

const todayInChina = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** 留守关爱: 排查摸底 (surveys), 关爱计划, 走访, 预警 with follow-ups, 统计. */
export default function LeftBehindPage() {
  const t = useT();
  const me = useCurrentUser();
  const records = can(me, 'left_behind.record');
  const [person, setPerson] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState('surveys');
  const pick = (id: string, to = 'plans') => { setPerson(id); setTab(to); };
  return (
    <Card title={t('lb.title')}>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'surveys', label: t('lb.tab.surveys'), children: <SurveysTab records={records} onPick={pick} /> },
        { key: 'plans', label: t('lb.tab.plans'), children: <PersonTab personId={person} step="care-plans" records={records} /> },
        { key: 'visits', label: t('lb.tab.visits'), children: <PersonTab personId={person} step="visits" records={records} /> },
        { key: 'warnings', label: t('lb.tab.warnings'), children: <WarningsTab records={records} /> },
        { key: 'figures', label: t('lb.tab.figures'), children: <FiguresTab /> },
      ]} />
    </Card>
  );
}

function SurveysTab({ records, onPick }: { records: boolean; onPick: (personId: string, tab?: string) => void }) {
  const t = useT();
  const [filter, setFilter] = useState<SurveyFilter>({ year: Number(todayInChina().slice(0, 4)) });
  const [adding, setAdding] = useState(false);
  const list = useApiData(() => listSurveys(filter), [filter]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('lb.year')}</span>
        <InputNumber aria-label={t('lb.year')} min={2000} max={2100} precision={0} value={filter.year} onChange={(v) => setFilter((f) => ({ ...f, year: v ?? undefined }))} />
        <Select aria-label={t('lb.kind')} allowClear style={{ width: 140 }} placeholder={t('lb.kind')} value={filter.kind} onChange={(v?: string) => setFilter((f) => ({ ...f, kind: v }))}
          options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        {records && <Button type="primary" onClick={() => setAdding(true)} data-testid="lb-new">{t('lb.new')}</Button>}
      </Space>
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
      <Table<SurveyItem> size="small" rowKey="surveyId" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }}
        columns={[
          { key: 'n', title: t('lb.col.name'), render: (_, r) => <a onClick={() => onPick(r.personId)}>{r.name}</a> },
          { key: 'id', title: t('lb.col.idNumber'), dataIndex: 'idNumber' },
          { key: 'k', title: t('lb.kind'), render: (_, r) => <Tag>{r.kindLabel}</Tag> },
          { key: 'v', title: t('lb.col.village'), dataIndex: 'villageName' },
          { key: 'a', title: t('lb.col.away'), dataIndex: 'awayPlace' },
          { key: 'g', title: t('lb.col.guardian'), render: (_, r) => (r.guardian ? `${r.guardian.name}（${r.guardian.relation}）${r.guardian.able ? '' : t('lb.unable')}` : <Tag color="red">{t('lb.noGuardian')}</Tag>) },
          { key: 'r', title: t('lb.col.risks'), render: (_, r) => r.riskLabels.map((l) => <Tag key={l} color="orange">{l}</Tag>) },
          { key: 's', title: t('lb.col.surveyedOn'), dataIndex: 'surveyedOn' },
        ]} />
      {adding && <NewSurvey onClose={() => setAdding(false)} onSaved={(id) => { setAdding(false); list.reload(); onPick(id, 'surveys'); }} />}
    </Space>
  );
}

interface SurveyForm {
  householdNo: string; idNumber: string; year: number; kind: string; awayPlace: string; awaySince?: string; hasGuardian: boolean;
  guardianName?: string; guardianRelation?: string; guardianAble?: boolean; risks?: string[]; surveyedOn: string; surveyedBy: string;
}

function NewSurvey({ onClose, onSaved }: { onClose: () => void; onSaved: (personId: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<SurveyForm>();
  const hasGuardian = Form.useWatch('hasGuardian', form);
  const required = (key: MessageKey) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  const { busy, error, submit } = useSubmit(form, async (v) => {
    const r = await recordSurvey({
      householdNo: v.householdNo.trim(), idNumber: v.idNumber.trim(), year: v.year, kind: v.kind, awayPlace: v.awayPlace, awaySince: blank(v.awaySince),
      guardian: v.hasGuardian ? { name: v.guardianName ?? '', relation: v.guardianRelation ?? '', able: v.guardianAble ?? false } : null,
      risks: v.risks ?? [], surveyedOn: v.surveyedOn, surveyedBy: v.surveyedBy,
    });
    const open = r.warnings.filter((w) => w.open);
    if (open.length > 0) void message.warning(t('lb.warnedAtOnce', { warnings: open.map((w) => w.warningLabel).join('、') }));
    else void message.success(t('lb.saved'));
    onSaved(r.personId);
  }, { 'guardian.name': 'guardianName', 'guardian.relation': 'guardianRelation' });
  const today = todayInChina();
  return (
    <Modal open title={t('lb.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('lb.form.save')} width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year: Number(today.slice(0, 4)), kind: 'child', surveyedOn: today, hasGuardian: true, guardianAble: true, risks: [] }}>
        <Form.Item name="householdNo" label={t('lb.form.householdNo')} rules={required('lb.form.householdNo')}><Input maxLength={14} /></Form.Item>
        <Form.Item name="idNumber" label={t('lb.form.idNumber')} rules={required('lb.form.idNumber')}><Input maxLength={18} /></Form.Item>
        <Form.Item name="year" label={t('lb.year')} rules={required('lb.year')}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
        <Form.Item name="kind" label={t('lb.kind')} rules={required('lb.kind')}><Radio.Group options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} /></Form.Item>
        <Form.Item name="awayPlace" label={t('lb.form.awayPlace')} rules={required('lb.form.awayPlace')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="awaySince" label={t('lb.form.awaySince')}><DateInput /></Form.Item>
        <Form.Item name="hasGuardian" valuePropName="checked"><Checkbox>{t('lb.form.hasGuardian')}</Checkbox></Form.Item>
        {hasGuardian && (
          <>
            <Form.Item name="guardianName" label={t('lb.form.guardianName')} rules={required('lb.form.guardianName')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="guardianRelation" label={t('lb.form.guardianRelation')} rules={required('lb.form.guardianRelation')}><Input maxLength={20} /></Form.Item>
            <Form.Item name="guardianAble" valuePropName="checked"><Checkbox>{t('lb.form.guardianAble')}</Checkbox></Form.Item>
          </>
        )}
        <Form.Item name="risks" label={t('lb.form.risks')}><Checkbox.Group options={RISKS.map((r) => ({ value: r, label: RISK_LABELS[r] }))} /></Form.Item>
        <Form.Item name="surveyedOn" label={t('lb.form.surveyedOn')} rules={required('lb.form.surveyedOn')}><DateInput /></Form.Item>
        <Form.Item name="surveyedBy" label={t('lb.form.surveyedBy')} rules={required('lb.form.surveyedBy')}><Input maxLength={50} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 关爱计划 or 走访 of the person picked in the survey list: the file, and the form of the step. */
function PersonTab({ personId, step, records }: { personId: string | undefined; step: Exclude<PersonStep, 'follow-ups'>; records: boolean }) {
  const t = useT();
  const [file, setFile] = useState<PersonFile | undefined>(undefined);
  const loaded = useApiData(() => (personId ? getPerson(personId) : Promise.resolve(undefined)), [personId]);
  const f = file?.personId === personId ? file : loaded.data;
  if (!personId) return <Alert type="info" showIcon message={t('lb.pickPerson')} />;
  if (loaded.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: loaded.error.message })} />;
  if (!f) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: 'n', label: t('lb.person'), children: `${f.name}（${f.idNumber}）` },
        { key: 'v', label: t('lb.col.village'), children: f.villageName },
        { key: 'k', label: t('lb.kind'), children: f.surveys.map((s) => `${s.year} ${s.kindLabel}`).join('；') },
        { key: 'w', label: t('lb.tab.warnings'), children: f.warnings.filter((w) => w.open).map((w) => <Tag key={w.warning} color="red">{w.warningLabel}</Tag>) },
      ]} />
      {step === 'care-plans' ? (
        <Typography.Paragraph>
          {t('lb.plan.current')}：{f.carePlan ? `${f.carePlan.carerKindLabel} ${f.carePlan.carerName}，${f.carePlan.from} 起${f.carePlan.visitIntervalDays ? `，${t('lb.plan.intervalOf', { days: f.carePlan.visitIntervalDays })}` : ''}` : t('lb.plan.none')}
        </Typography.Paragraph>
      ) : (
        <Table size="small" rowKey={(v) => `${v.visitedOn}-${v.visitedBy}-${v.findings}`} dataSource={f.visits} pagination={false} locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'd', title: t('lb.visit.visitedOn'), dataIndex: 'visitedOn' },
          { key: 'b', title: t('lb.visit.visitedBy'), dataIndex: 'visitedBy' },
          { key: 'f', title: t('lb.visit.findings'), dataIndex: 'findings' },
          { key: 'r', title: t('lb.visit.risksFound'), render: (_, v) => v.riskLabels.map((l) => <Tag key={l} color="orange">{l}</Tag>) },
        ]} />
      )}
      {records && f.mayRecord && <StepForm personId={f.personId} step={step} onSaved={setFile} />}
    </Space>
  );
}

/** The form of a step; a follow-up carries the warning it answers. */
function StepForm({ personId, step, warning, onSaved }: { personId: string; step: PersonStep; warning?: string; onSaved: (f: PersonFile) => void }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, unknown>>();
  const action = Form.useWatch('action', form);
  const caseNo = Form.useWatch('caseNo', form);
  const today = todayInChina();
  const required = (key: MessageKey) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  const { busy, error, submit } = useSubmit(form, async (v) => {
    const body = { ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')), ...(warning ? { warning } : {}) };
    onSaved(await personStep(personId, step, body));
    form.resetFields();
    void message.success(t('lb.saved'));
  });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} initialValues={step === 'care-plans' ? { from: today, carerKind: 'village_cadre' } : step === 'visits' ? { visitedOn: today, risksFound: [] } : { followedOn: today, action: 'referral' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {step === 'care-plans' && (
        <>
          <Form.Item name="carerKind" label={t('lb.plan.carerKind')} rules={required('lb.plan.carerKind')}><Radio.Group options={CARER_KINDS.map((k) => ({ value: k, label: CARER_LABELS[k] }))} /></Form.Item>
          <Form.Item name="carerName" label={t('lb.plan.carerName')} rules={required('lb.plan.carerName')}><Input maxLength={50} /></Form.Item>
          <Form.Item name="visitIntervalDays" label={t('lb.plan.interval')}><InputNumber min={1} max={366} precision={0} /></Form.Item>
          <Form.Item name="from" label={t('lb.plan.from')} rules={required('lb.plan.from')}><DateInput /></Form.Item>
        </>
      )}
      {step === 'visits' && (
        <>
          <Form.Item name="visitedOn" label={t('lb.visit.visitedOn')} rules={required('lb.visit.visitedOn')}><DateInput /></Form.Item>
          <Form.Item name="visitedBy" label={t('lb.visit.visitedBy')} rules={required('lb.visit.visitedBy')}><Input maxLength={50} /></Form.Item>
          <Form.Item name="findings" label={t('lb.visit.findings')} rules={required('lb.visit.findings')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Form.Item name="risksFound" label={t('lb.visit.risksFound')}><Checkbox.Group options={RISKS.map((r) => ({ value: r, label: RISK_LABELS[r] }))} /></Form.Item>
        </>
      )}
      {step === 'follow-ups' && (
        <>
          <Form.Item name="action" label={t('lb.follow.action')} rules={required('lb.follow.action')}><Radio.Group options={ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))} /></Form.Item>
          {action === 'referral' && (
            <Form.Item name="department" label={t('lb.follow.department')} rules={required('lb.follow.department')}>
              <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(`dept.${d}` as MessageKey) }))} />
            </Form.Item>
          )}
          {action === 'referral' && (
            <Form.Item name="need" label={t('lb.follow.need')}>
              <Select allowClear options={REFERRAL_NEEDS.map((n) => ({ value: n, label: t(`intake.need.${n}` as MessageKey) }))} />
            </Form.Item>
          )}
          {action === 'temporary_case' && <Form.Item name="caseNo" label={t('lb.follow.caseNo')} extra={t('lb.follow.caseNoHelp')}><Input /></Form.Item>}
          {action === 'temporary_case' && !caseNo && (
            <>
              <Form.Item name="claimKind" label={t('lb.follow.claimKind')}>
                <Radio.Group options={[{ value: 'emergency', label: t('lb.follow.claimKind.emergency') }, { value: 'expenditure', label: t('lb.follow.claimKind.expenditure') }]} />
              </Form.Item>
              <Form.Item name="months" label={t('lb.follow.months')}><InputNumber min={1} max={24} precision={0} /></Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('lb.follow.note')} rules={required('lb.follow.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Form.Item name="followedOn" label={t('lb.follow.on')} rules={required('lb.follow.on')}><DateInput /></Form.Item>
        </>
      )}
      <Button type="primary" loading={busy} onClick={() => void submit()}>{t('lb.form.save')}</Button>
    </Form>
  );
}

type WarningItem = WarningList['items'][number];

function WarningsTab({ records }: { records: boolean }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const [handling, setHandling] = useState<WarningItem | undefined>(undefined);
  const list = useApiData(() => listWarnings(all), [all]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>{t('lb.warn.all')}</Checkbox>
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
      <Table<WarningItem> size="small" rowKey={(w) => `${w.personId}-${w.warning}`} loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'n', title: t('lb.col.name'), dataIndex: 'name' },
        { key: 'k', title: t('lb.kind'), dataIndex: 'kindLabel' },
        { key: 'v', title: t('lb.col.village'), dataIndex: 'villageName' },
        { key: 'w', title: t('lb.col.warning'), render: (_, w) => <Tag color={w.open ? 'red' : 'default'}>{w.warningLabel}</Tag> },
        { key: 's', title: t('lb.col.since'), dataIndex: 'since' },
        { key: 'd', title: t('lb.col.detail'), dataIndex: 'detail' },
        { key: 'f', title: t('lb.col.followUp'), render: (_, w) => (w.followUp ? `${w.followUp.actionLabel}（${w.followUp.followedOn}）${w.followUp.requestNo ? `${t('lb.follow.requestNo')} ${w.followUp.requestNo} ` : ''}${w.followUp.caseNo ?? ''} ${w.followUp.note}`
          : records ? <Button size="small" onClick={() => setHandling(w)}>{t('lb.warn.handle')}</Button> : t('lb.warn.open')) },
      ]} />
      {handling && (
        <Modal open footer={null} title={`${t('lb.warn.handle')} · ${handling.name} · ${handling.warningLabel}`} onCancel={() => setHandling(undefined)}>
          <StepForm key={`${handling.personId}-${handling.warning}`} personId={handling.personId} step="follow-ups" warning={handling.warning} onSaved={() => { setHandling(undefined); list.reload(); }} />
        </Modal>
      )}
    </Space>
  );
}

function FiguresTab() {
  const t = useT();
  const [year, setYear] = useState(() => Number(todayInChina().slice(0, 4)));
  const figs = useApiData(() => figures(year), [year]);
  const f: LeftBehindFigures | undefined = figs.data;
  const rows = f ? [...f.items, { countyCode: 'total', countyName: t('lb.fig.total'), ...f.total }] : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space><span>{t('lb.year')}</span><InputNumber aria-label={t('lb.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>
      {figs.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: figs.error.message })} />}
      {f && <Typography.Text type="secondary">{f.areaName} {f.year}</Typography.Text>}
      <Table size="small" rowKey="countyCode" dataSource={rows} pagination={false} loading={figs.loading} columns={[
        { key: 'c', title: t('lb.fig.county'), dataIndex: 'countyName' },
        { key: 'ch', title: t('lb.fig.children'), dataIndex: 'children', align: 'right' },
        { key: 'e', title: t('lb.fig.elders'), dataIndex: 'elders', align: 'right' },
        { key: 'w', title: t('lb.fig.women'), dataIndex: 'women', align: 'right' },
        { key: 'p', title: t('lb.fig.persons'), dataIndex: 'persons', align: 'right' },
        { key: 'cp', title: t('lb.fig.withCarePlan'), dataIndex: 'withCarePlan', align: 'right' },
        { key: 'v', title: t('lb.fig.visits'), dataIndex: 'visits', align: 'right' },
        { key: 'fu', title: t('lb.fig.followUps'), dataIndex: 'followUps', align: 'right' },
        { key: 'o', title: t('lb.fig.openWarnings'), dataIndex: 'openWarnings', align: 'right' },
      ]} />
    </Space>
  );
}
