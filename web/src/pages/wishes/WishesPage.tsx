import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CLAIMANT_KINDS, CONFIRMATION_KINDS, DONATION_FORMS, DONOR_KINDS, WISH_KINDS, WISH_STATUSES, type ClaimantKind, type WishFigures, type WishList } from '../../../../src/modules/wishes/contract.ts';
import { ClaimantPicker } from './ClaimantPicker.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fenToYuan, yuanToFen } from '../registry/money.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { assistance, campaigns, createDonation, createWish, figures, listDonations, listWishes, wall, wishStep, type WishFilter, type WishStep } from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';

type WishItem = WishList['items'][number];
type Values = Record<string, unknown>;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** 微心愿: the wall (masked), the wishes with their steps, donations and a household's assistance, the year's figures. */
export default function WishesPage() {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('wishes.title')}>
        <Tabs destroyOnHidden items={[
          { key: 'wall', label: t('wishes.tab.wall'), children: <WallTab /> },
          { key: 'record', label: t('wishes.tab.record'), children: <WishesTab /> },
          { key: 'donations', label: t('wishes.tab.donations'), children: <DonationsTab /> },
        ]} />
      </Card>
      <FiguresCard />
    </Space>
  );
}

function WallTab() {
  const t = useT();
  const data = useApiData(() => wall(), []);
  return (
    <>
      <Alert type="info" showIcon message={t('wishes.wallHint')} style={{ marginBottom: 12 }} />
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      <Table size="small" rowKey="wishNo" loading={data.loading} dataSource={data.data?.items ?? []} locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'v', title: t('wishes.col.village'), dataIndex: 'villageName' },
        { key: 'k', title: t('wishes.col.kind'), render: (_, r) => t(`wishes.kind.${r.kind}`) },
        { key: 'd', title: t('wishes.col.description'), dataIndex: 'description' },
        { key: 'val', title: t('wishes.col.value'), align: 'right', render: (_, r) => fenToYuan(r.valueFen) },
        { key: 'c', title: t('wishes.col.campaign'), render: (_, r) => r.campaign?.name ?? '—' },
        { key: 'p', title: t('wishes.col.publishedOn'), dataIndex: 'publishedOn' },
      ]} />
    </>
  );
}

const NEXT: Record<string, WishStep[]> = { recorded: ['publish', 'withdraw'], published: ['claim', 'withdraw'], claimed: ['fulfil', 'withdraw'] };

function WishesTab() {
  const t = useT();
  const me = useCurrentUser();
  const manages = can(me, 'wishes.manage');
  const [filter, setFilter] = useState<WishFilter>({});
  const [adding, setAdding] = useState(false);
  const [step, setStep] = useState<{ wish: WishItem; step: WishStep } | null>(null);
  const [version, setVersion] = useState(0);
  const data = useApiData(() => listWishes(filter), [filter, version]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('wishes.filter.status')} allowClear style={{ width: 140 }} placeholder={t('wishes.filter.status')} value={filter.status} onChange={(v?: string) => setFilter((f) => ({ ...f, status: v }))}
          options={WISH_STATUSES.map((s) => ({ value: s, label: t(`wishes.status.${s}`) }))} />
        <Checkbox checked={filter.unclaimed === true} onChange={(e) => setFilter((f) => ({ ...f, unclaimed: e.target.checked }))}>{t('wishes.filter.unclaimed')}</Checkbox>
        {manages && <Button type="primary" onClick={() => setAdding(true)} data-testid="wish-new">{t('wishes.new')}</Button>}
      </Space>
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      <Table<WishItem> size="small" rowKey="wishNo" loading={data.loading} dataSource={data.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }} columns={[
        { key: 'no', title: t('wishes.col.wishNo'), dataIndex: 'wishNo' },
        { key: 'v', title: t('wishes.col.village'), dataIndex: 'villageName' },
        { key: 'h', title: t('wishes.col.household'), dataIndex: 'householdNo' },
        { key: 'd', title: t('wishes.col.description'), render: (_, r) => `${t(`wishes.kind.${r.kind}`)} · ${r.description}` },
        { key: 'val', title: t('wishes.col.value'), align: 'right', render: (_, r) => fenToYuan(r.valueFen) },
        { key: 's', title: t('wishes.col.status'), render: (_, r) => (
          <Space size={4}><Tag>{t(`wishes.status.${r.status}`)}</Tag>{r.unclaimedWarning && <Tag color="red">{t('wishes.unclaimedTag', { days: r.unclaimedDays ?? 0 })}</Tag>}</Space>
        ) },
        { key: 'c', title: t('wishes.col.claimant'), render: (_, r) => (r.claimantName ? `${r.claimantKindLabel ?? ''} ${r.claimantName}` : '—') },
        { key: 'a', title: t('wishes.col.actions'), render: (_, r) => manages && (
          <Space size={4}>{(NEXT[r.status] ?? []).map((s) => <Button key={s} size="small" onClick={() => setStep({ wish: r, step: s })}>{t(`wishes.step.${s}`)}</Button>)}</Space>
        ) },
      ]} />
      {adding && <NewWish onClose={() => setAdding(false)} onSaved={() => { setAdding(false); setVersion((v) => v + 1); }} />}
      {step && <StepDialog wish={step.wish} step={step.step} onClose={() => setStep(null)} onDone={() => { setStep(null); setVersion((v) => v + 1); }} />}
    </>
  );
}

function NewWish({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const camps = useApiData(() => campaigns(), []);
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await createWish({ householdNo: text(v.householdNo), kind: v.kind, description: text(v.description), valueFen: yuanToFen(Number(v.value ?? 0)), campaignId: v.campaignId, consentOn: v.consentOn, consentBy: text(v.consentBy) });
    onSaved();
  }, { valueFen: 'value' });
  return (
    <Modal open title={t('wishes.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('wishes.form.save')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'item', consentOn: today() }}>
        <Form.Item name="householdNo" label={t('wishes.form.householdNo')} rules={[{ required: true }]}><Input maxLength={14} /></Form.Item>
        <Form.Item name="kind" label={t('wishes.form.kind')}><Select options={WISH_KINDS.map((k) => ({ value: k, label: t(`wishes.kind.${k}`) }))} /></Form.Item>
        <Form.Item name="description" label={t('wishes.form.description')} rules={[{ required: true }]}><Input.TextArea maxLength={200} rows={2} /></Form.Item>
        <Form.Item name="value" label={t('wishes.form.value')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="campaignId" label={t('wishes.form.campaign')}><Select allowClear options={(camps.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.areaName}）` }))} /></Form.Item>
        <Form.Item name="consentOn" label={t('wishes.form.consentOn')} rules={[{ required: true }]}><DateInput /></Form.Item>
        <Form.Item name="consentBy" label={t('wishes.form.consentBy')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item>
      </Form>
    </Modal>
  );
}

function StepDialog({ wish, step, onClose, onDone }: { wish: WishItem; step: WishStep; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const dateField = { publish: 'publishedOn', claim: 'claimedOn', fulfil: 'fulfilledOn', withdraw: 'withdrawnOn' }[step];
  const claimantKind = Form.useWatch('claimantKind', form) as ClaimantKind | undefined;
  const { busy, error, submit } = useSubmit(form, async (v) => {
    const body: Values = { [dateField]: v.date };
    if (step === 'claim') {
      Object.assign(body, v.claimantKind === 'donor'
        ? { claimantKind: v.claimantKind, claimantName: text(v.claimantName), claimantRef: text(v.claimantRef) }
        : { claimantKind: v.claimantKind, claimantId: v.claimantId });
    }
    if (step === 'fulfil') Object.assign(body, { confirmationKind: v.confirmationKind, confirmationRef: text(v.confirmationRef) });
    if (step === 'withdraw') body.reason = text(v.reason);
    await wishStep(wish.wishNo, step, body);
    onDone();
  }, { [dateField]: 'date' });
  return (
    <Modal open title={`${t(`wishes.step.${step}`)} · ${wish.wishNo}`} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('wishes.form.save')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: today(), claimantKind: 'team', confirmationKind: 'photo' }}
        onValuesChange={(changed: Values) => { if ('claimantKind' in changed) form.setFieldsValue({ claimantId: undefined }); }}>
        <Form.Item name="date" label={t('wishes.step.date')} rules={[{ required: true }]}><DateInput /></Form.Item>
        {step === 'claim' && <>
          <Form.Item name="claimantKind" label={t('wishes.step.claimantKind')}><Select data-testid="claimant-kind" options={CLAIMANT_KINDS.map((k) => ({ value: k, label: t(`wishes.claimant.${k}`) }))} /></Form.Item>
          {claimantKind === 'donor' ? <>
            <Form.Item name="claimantName" label={t('wishes.step.claimantName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="claimantRef" label={t('wishes.step.claimantRef')}><Input maxLength={100} /></Form.Item>
          </> : (
            <Form.Item name="claimantId" label={t('wishes.step.claimantEntry')} rules={[{ required: true, message: t('wishes.step.claimantEntryRequired') }]}>
              <ClaimantPicker key={claimantKind} wishNo={wish.wishNo} kind={claimantKind ?? 'team'} />
            </Form.Item>
          )}
        </>}
        {step === 'fulfil' && <>
          <Form.Item name="confirmationKind" label={t('wishes.step.confirmationKind')}><Select options={CONFIRMATION_KINDS.map((k) => ({ value: k, label: t(`wishes.confirmation.${k}`) }))} /></Form.Item>
          <Form.Item name="confirmationRef" label={t('wishes.step.confirmationRef')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        </>}
        {step === 'withdraw' && <Form.Item name="reason" label={t('wishes.step.reason')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>}
      </Form>
    </Modal>
  );
}

function DonationsTab() {
  const t = useT();
  const me = useCurrentUser();
  const [householdNo, setHouseholdNo] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const year = Number(today().slice(0, 4));
  const donations = useApiData(() => (shown ? listDonations(shown) : Promise.resolve({ items: [] })), [shown, version]);
  const assist = useApiData(() => (shown ? assistance(shown, year) : Promise.resolve(null)), [shown, version]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input style={{ width: 200 }} placeholder={t('wishes.donations.householdNo')} value={householdNo} onChange={(e) => setHouseholdNo(e.target.value.trim())} />
        <Button onClick={() => setShown(householdNo || null)}>{t('wishes.donations.search')}</Button>
        {can(me, 'wishes.manage') && <Button type="primary" onClick={() => setAdding(true)}>{t('wishes.donations.new')}</Button>}
      </Space>
      {(donations.error ?? assist.error) && <Alert type="error" showIcon message={t('common.loadFailed', { message: (donations.error ?? assist.error)!.message })} />}
      {assist.data && (
        <Card size="small" title={t('wishes.assistance.title', { year })} style={{ marginBottom: 12 }}>
          <Space size="large">
            <span>{t('wishes.assistance.government')}: <b>{fenToYuan(assist.data.totals.governmentFen)}</b></span>
            <span>{t('wishes.assistance.charity')}: <b>{fenToYuan(assist.data.totals.charityFen)}</b></span>
          </Space>
          <Table size="small" rowKey="programme" pagination={false} style={{ marginTop: 8 }} dataSource={assist.data.government} columns={[
            { key: 'p', title: t('wishes.assistance.programme'), dataIndex: 'programmeName' },
            { key: 'm', title: t('wishes.col.value'), align: 'right', render: (_, g) => fenToYuan(g.yearFen) },
          ]} />
          <Table size="small" rowKey="wishNo" pagination={false} style={{ marginTop: 8 }} dataSource={assist.data.wishes} columns={[
            { key: 'd', title: t('wishes.col.description'), dataIndex: 'description' },
            { key: 'v', title: t('wishes.col.value'), align: 'right', render: (_, w) => fenToYuan(w.valueFen) },
            { key: 'c', title: t('wishes.col.claimant'), dataIndex: 'claimantName' },
            { key: 'dup', title: t('wishes.assistance.duplicates'), render: (_, w) => w.duplicates.map((p) => <Tag key={p} color="orange">{p}</Tag>) },
          ]} />
        </Card>
      )}
      <Table size="small" rowKey="id" loading={donations.loading} dataSource={donations.data?.items ?? []} locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'on', title: t('wishes.donations.receivedOn'), dataIndex: 'receivedOn' },
        { key: 'd', title: t('wishes.donations.donor'), render: (_, d) => `${t(`wishes.donor.${d.donorKind}`)} · ${d.donorName}` },
        { key: 'f', title: t('wishes.donations.form'), render: (_, d) => (d.form === 'goods' ? `${d.goodsDescription ?? ''} × ${d.goodsQuantity ?? ''}` : t('wishes.form.cash')) },
        { key: 'v', title: t('wishes.col.value'), align: 'right', render: (_, d) => fenToYuan(d.valueFen) },
      ]} />
      {adding && <NewDonation onClose={() => setAdding(false)} onSaved={() => { setAdding(false); setVersion((v) => v + 1); }} />}
    </>
  );
}

function NewDonation({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const camps = useApiData(() => campaigns(), []);
  const formKind = Form.useWatch('form', form);
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await createDonation({
      donorKind: v.donorKind, donorName: text(v.donorName), form: v.form, valueFen: yuanToFen(Number(v.value ?? 0)), receivedOn: v.receivedOn,
      goodsDescription: v.form === 'goods' ? text(v.goodsDescription) : undefined, goodsQuantity: v.form === 'goods' ? v.goodsQuantity : undefined,
      householdNo: text(v.householdNo), campaignId: v.campaignId,
    });
    onSaved();
  }, { valueFen: 'value' });
  return (
    <Modal open title={t('wishes.donations.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('wishes.form.save')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ donorKind: 'organisation', form: 'cash', receivedOn: today() }}>
        <Form.Item name="donorKind" label={t('wishes.donations.donorKind')}><Select options={DONOR_KINDS.map((k) => ({ value: k, label: t(`wishes.donor.${k}`) }))} /></Form.Item>
        <Form.Item name="donorName" label={t('wishes.donations.donorName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="form" label={t('wishes.donations.form')}><Select options={DONATION_FORMS.map((k) => ({ value: k, label: t(`wishes.form.${k}`) }))} /></Form.Item>
        {formKind === 'goods' && <>
          <Form.Item name="goodsDescription" label={t('wishes.donations.goods')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="goodsQuantity" label={t('wishes.donations.quantity')} rules={[{ required: true }]}><InputNumber min={1} precision={0} /></Form.Item>
        </>}
        <Form.Item name="value" label={t('wishes.donations.value')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="householdNo" label={t('wishes.donations.to')}><Input maxLength={14} /></Form.Item>
        <Form.Item name="campaignId" label={t('wishes.donations.campaign')}><Select allowClear options={(camps.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
        <Form.Item name="receivedOn" label={t('wishes.donations.receivedOn')} rules={[{ required: true }]}><DateInput /></Form.Item>
      </Form>
    </Modal>
  );
}

function FiguresCard() {
  const t = useT();
  const [year, setYear] = useState(() => Number(today().slice(0, 4)));
  const figs = useApiData(() => figures(year), [year]);
  const f: WishFigures | undefined = figs.data;
  const rows = f ? [...f.items, { countyCode: 'total', countyName: t('wishes.figures.total'), ...f.total }] : [];
  return (
    <Card title={t('wishes.figures')} extra={<Space><InputNumber aria-label={t('wishes.household.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>}>
      {f && <Typography.Text type="secondary">{f.areaName} {f.year}</Typography.Text>}
      <Table size="small" rowKey="countyCode" dataSource={rows} pagination={false} columns={[
        { key: 'c', title: t('wishes.figures.county'), dataIndex: 'countyName' },
        { key: 'p', title: t('wishes.figures.published'), dataIndex: 'published', align: 'right' },
        { key: 'f', title: t('wishes.figures.fulfilled'), dataIndex: 'fulfilled', align: 'right' },
        { key: 'fv', title: t('wishes.figures.fulfilledYuan'), align: 'right', render: (_, r) => fenToYuan(r.fulfilledFen) },
        { key: 'u', title: t('wishes.figures.unclaimed'), dataIndex: 'unclaimed', align: 'right' },
        { key: 'd', title: t('wishes.figures.donations'), dataIndex: 'donations', align: 'right' },
        { key: 'dv', title: t('wishes.figures.donationsYuan'), align: 'right', render: (_, r) => fenToYuan(r.donationsFen) },
      ]} />
    </Card>
  );
}
