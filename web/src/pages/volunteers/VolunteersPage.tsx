import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ORG_KINDS, SKILLS, type OrgKind, type ServiceList, type Skill, type VolunteerFigures } from '../../../../src/modules/volunteers/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import * as vol from './api.ts';
import { DateInput } from '../../components/DateInput.tsx';

type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
type Dialog = 'organisation' | 'team' | 'volunteer' | 'member' | 'service' | { confirm: number } | null;

/** 社会力量: organisations, teams, volunteers, service records (with the organiser's confirmation) and the year's figures. */
export default function VolunteersPage() {
  const t = useT();
  const me = useCurrentUser();
  const manages = can(me, 'volunteers.manage');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reload, setReload] = useState(0);
  const [year, setYear] = useState(() => Number(today().slice(0, 4)));
  const orgs = useApiData(() => vol.listOrganisations(), [reload]);
  const teams = useApiData(() => vol.listTeams(), [reload]);
  const people = useApiData(() => vol.listVolunteers(), [reload]);
  const service = useApiData(() => vol.listService(), [reload]);
  const figs = useApiData(() => vol.figures(year), [year, reload]);
  const done = () => { setDialog(null); setReload((n) => n + 1); };
  const err = [orgs, teams, people, service].find((d) => d.error)?.error;
  const add = (d: Dialog, testId: string) => manages && <Button type="primary" onClick={() => setDialog(d)} data-testid={testId}>{t('vol.add')}</Button>;
  const kindLabel = (k: OrgKind) => t(`vol.kind.${k}` as MessageKey);
  const skillLabel = (s: Skill) => t(`vol.skill.${s}` as MessageKey);
  return (
    <Card title={t('vol.title')}>
      {err && <Alert type="error" showIcon message={t('common.loadFailed', { message: err.message })} />}
      <Tabs items={[
        { key: 'org', label: t('vol.tab.organisations'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {me.areaLevel === 'county' && add('organisation', 'vol-new-org')}
            <Table size="small" rowKey="id" loading={orgs.loading} dataSource={orgs.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }} columns={[
              { key: 'n', title: t('vol.col.name'), dataIndex: 'name' },
              { key: 'k', title: t('vol.col.kind'), render: (_, o) => <Tag>{kindLabel(o.kind)}</Tag> },
              { key: 'c', title: t('vol.col.county'), dataIndex: 'countyName' },
              { key: 'cc', title: t('vol.col.creditCode'), render: (_, o) => o.creditCode ?? '—' },
              { key: 'r', title: t('vol.col.recognised'), render: (_, o) => o.charityRecognisedOn ?? '—' },
              { key: 'ct', title: t('vol.col.contact'), render: (_, o) => [o.contactPerson, o.contactPhone].filter(Boolean).join(' / ') || '—' },
              { key: 't', title: t('vol.col.teams'), dataIndex: 'teams', align: 'right' },
            ]} />
          </Space>
        ) },
        { key: 'team', label: t('vol.tab.teams'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {manages && <Space>{add('team', 'vol-new-team')}<Button onClick={() => setDialog('member')}>{t('vol.addMember')}</Button></Space>}
            <Table size="small" rowKey="id" loading={teams.loading} dataSource={teams.data?.items ?? []} locale={{ emptyText: t('common.noData') }} columns={[
              { key: 'n', title: t('vol.col.name'), dataIndex: 'name' },
              { key: 'o', title: t('vol.col.organisation'), dataIndex: 'organisationName' },
              { key: 'a', title: t('vol.col.area'), dataIndex: 'areaName' },
              { key: 'l', title: t('vol.col.leader'), dataIndex: 'leader' },
              { key: 'm', title: t('vol.col.members'), dataIndex: 'members', align: 'right' },
            ]} />
          </Space>
        ) },
        { key: 'people', label: t('vol.tab.volunteers'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {add('volunteer', 'vol-new-volunteer')}
            <Table size="small" rowKey="id" loading={people.loading} dataSource={people.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }} columns={[
              { key: 'n', title: t('vol.col.person'), dataIndex: 'name' },
              { key: 'i', title: t('vol.col.idNumber'), dataIndex: 'idNumber' },
              { key: 'p', title: t('vol.col.phone'), render: (_, v) => v.phone ?? '—' },
              { key: 'a', title: t('vol.col.area'), dataIndex: 'areaName' },
              { key: 's', title: t('vol.col.skills'), render: (_, v) => v.skills.map((s) => <Tag key={s}>{skillLabel(s)}</Tag>) },
              { key: 'r', title: t('vol.col.registeredOn'), dataIndex: 'registeredOn' },
              { key: 'h', title: t('vol.col.hours'), align: 'right', render: (_, v) => (v.confirmedMinutes / 60).toFixed(2) },
            ]} />
          </Space>
        ) },
        { key: 'service', label: t('vol.tab.service'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {add('service', 'vol-new-service')}
            <Table<ServiceList['items'][number]> size="small" rowKey="id" loading={service.loading} dataSource={service.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }} columns={[
              { key: 'd', title: t('vol.col.servedOn'), dataIndex: 'servedOn' },
              { key: 'a', title: t('vol.col.activity'), dataIndex: 'activity' },
              { key: 'v', title: t('vol.col.volunteer'), dataIndex: 'volunteerName' },
              { key: 'o', title: t('vol.col.organiser'), render: (_, s) => s.teamName ?? s.organisationName },
              { key: 'ar', title: t('vol.col.area'), dataIndex: 'areaName' },
              { key: 'h', title: t('vol.col.duration'), dataIndex: 'hours', align: 'right' },
              { key: 'c', title: t('vol.col.confirmed'), render: (_, s) => (s.confirmed ? <Tag color="green">{s.confirmedBy} {s.confirmedOn}</Tag>
                : manages ? <Button size="small" onClick={() => setDialog({ confirm: s.id })}>{t('vol.confirm')}</Button> : <Tag>{t('vol.unconfirmed')}</Tag>) },
            ]} />
          </Space>
        ) },
        { key: 'figures', label: t('vol.tab.figures'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space><span>{t('vol.fig.year')}</span><InputNumber aria-label={t('vol.fig.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>
            {figs.data && <FiguresTable f={figs.data} />}
          </Space>
        ) },
      ]} />
      {dialog !== null && <DialogForm dialog={dialog} onClose={() => setDialog(null)} onDone={done}
        options={{
          organisations: (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          teams: (teams.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.organisationName}）` })),
          volunteers: (people.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name} ${v.idNumber}` })),
        }} />}
    </Card>
  );
}

interface Options { organisations: { value: number; label: string }[]; teams: { value: number; label: string }[]; volunteers: { value: number; label: string }[] }

function DialogForm({ dialog, options, onClose, onDone }: { dialog: Exclude<Dialog, null>; options: Options; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const req = [{ required: true, message: t('vol.required') }];
  const area = <Form.Item name="areaCode" label={t('vol.form.area')} rules={req}><AreaTreeSelect root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} /></Form.Item>;
  const date = (name: string, label: MessageKey) => <Form.Item name={name} label={t(label)} rules={req} initialValue={today()}><DateInput /></Form.Item>;
  const kind = typeof dialog === 'object' ? 'confirm' : dialog;
  let title: MessageKey = 'vol.add';
  let body: ReactNode = null;
  let send: (v: Values) => Promise<unknown> = async () => undefined;
  switch (kind) {
    case 'organisation':
      title = 'vol.tab.organisations';
      body = <>
        <Form.Item name="kind" label={t('vol.form.kind')} rules={req}><Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`vol.kind.${k}` as MessageKey) }))} /></Form.Item>
        <Form.Item name="name" label={t('vol.form.name')} rules={req}><Input /></Form.Item>
        <Form.Item name="creditCode" label={t('vol.form.creditCode')}><Input maxLength={18} /></Form.Item>
        <Form.Item name="charityRecognisedOn" label={t('vol.form.recognised')}><DateInput /></Form.Item>
        <Form.Item name="contactPerson" label={t('vol.form.contactPerson')}><Input /></Form.Item>
        <Form.Item name="contactPhone" label={t('vol.form.contactPhone')}><Input /></Form.Item>
      </>;
      send = (v) => vol.createOrganisation({ kind: v.kind, name: v.name, creditCode: text(v.creditCode), charityRecognisedOn: text(v.charityRecognisedOn), contactPerson: text(v.contactPerson), contactPhone: text(v.contactPhone) });
      break;
    case 'team':
      title = 'vol.tab.teams';
      body = <>
        <Form.Item name="organisationId" label={t('vol.form.organisation')} rules={req}><Select options={options.organisations} /></Form.Item>
        <Form.Item name="name" label={t('vol.form.name')} rules={req}><Input /></Form.Item>
        {area}
        <Form.Item name="leader" label={t('vol.form.leader')} rules={req}><Input /></Form.Item>
      </>;
      send = (v) => vol.createTeam({ organisationId: v.organisationId, name: v.name, areaCode: v.areaCode, leader: v.leader });
      break;
    case 'member':
      title = 'vol.addMember';
      body = <>
        <Form.Item name="teamId" label={t('vol.form.team')} rules={req}><Select options={options.teams} /></Form.Item>
        <Form.Item name="volunteerId" label={t('vol.form.volunteer')} rules={req}><Select showSearch optionFilterProp="label" options={options.volunteers} /></Form.Item>
        {date('joinedOn', 'vol.form.joinedOn')}
      </>;
      send = (v) => vol.addMember(Number(v.teamId), { volunteerId: v.volunteerId, joinedOn: v.joinedOn });
      break;
    case 'volunteer':
      title = 'vol.tab.volunteers';
      body = <>
        <Form.Item name="name" label={t('vol.form.person')} rules={req}><Input /></Form.Item>
        <Form.Item name="idNumber" label={t('vol.form.idNumber')} rules={req}><Input maxLength={18} /></Form.Item>
        <Form.Item name="phone" label={t('vol.form.phone')}><Input /></Form.Item>
        {area}
        <Form.Item name="skills" label={t('vol.form.skills')}><Select mode="multiple" options={SKILLS.map((s) => ({ value: s, label: t(`vol.skill.${s}` as MessageKey) }))} /></Form.Item>
        {date('registeredOn', 'vol.form.registeredOn')}
      </>;
      send = (v) => vol.registerVolunteer({ name: v.name, idNumber: v.idNumber, phone: text(v.phone), areaCode: v.areaCode, skills: v.skills ?? [], registeredOn: v.registeredOn });
      break;
    case 'service':
      title = 'vol.tab.service';
      body = <>
        <Form.Item name="teamId" label={t('vol.form.team')}><Select allowClear options={options.teams} /></Form.Item>
        <Form.Item name="organisationId" label={t('vol.form.organisation')}><Select allowClear options={options.organisations} /></Form.Item>
        <Form.Item name="volunteerId" label={t('vol.form.volunteer')} rules={req}><Select showSearch optionFilterProp="label" options={options.volunteers} /></Form.Item>
        <Form.Item name="activity" label={t('vol.form.activity')} rules={req}><Input /></Form.Item>
        {date('servedOn', 'vol.form.servedOn')}
        {area}
        <Form.Item name="minutes" label={t('vol.form.minutes')} rules={req}><InputNumber min={1} max={1440} precision={0} /></Form.Item>
      </>;
      send = (v) => vol.recordService({ teamId: v.teamId ?? undefined, organisationId: v.teamId ? undefined : v.organisationId, volunteerId: v.volunteerId, activity: v.activity, servedOn: v.servedOn, areaCode: v.areaCode, minutes: v.minutes });
      break;
    case 'confirm':
      title = 'vol.confirm';
      body = <>
        <Typography.Paragraph type="secondary">{t('vol.form.selfNote')}</Typography.Paragraph>
        {date('confirmedOn', 'vol.form.confirmedOn')}
        <Form.Item name="organiserName" label={t('vol.form.organiserName')}><Input /></Form.Item>
        <Form.Item name="organiserIdNumber" label={t('vol.form.organiserIdNumber')}><Input maxLength={18} /></Form.Item>
      </>;
      send = (v) => vol.confirmService((dialog as { confirm: number }).confirm, { confirmedOn: v.confirmedOn, organiserName: text(v.organiserName), organiserIdNumber: text(v.organiserIdNumber) });
      break;
  }
  const { busy, error, submit } = useSubmit(form, async (v) => {
    await send(v);
    onDone();
  });
  return (
    <Modal open title={t(title)} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('vol.save')} width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">{body}</Form>
    </Modal>
  );
}

function FiguresTable({ f }: { f: VolunteerFigures }) {
  const t = useT();
  const rows = [...f.items, { countyCode: 'total', countyName: t('vol.fig.total'), ...f.total }];
  const num = (key: keyof VolunteerFigures['total'], label: MessageKey) => ({ key, title: t(label), dataIndex: key, align: 'right' as const });
  return (
    <>
      <Typography.Text type="secondary">{f.areaName} {f.year}</Typography.Text>
      <Table size="small" rowKey="countyCode" dataSource={rows} pagination={false} scroll={{ x: true }} columns={[
        { key: 'c', title: t('vol.fig.county'), dataIndex: 'countyName' },
        num('charities', 'vol.fig.charities'), num('volunteerOrgs', 'vol.fig.volunteerOrgs'), num('socialWork', 'vol.fig.socialWork'), num('otherOrgs', 'vol.fig.otherOrgs'),
        num('teams', 'vol.fig.teams'), num('volunteers', 'vol.fig.volunteers'), num('records', 'vol.fig.records'), num('hours', 'vol.fig.hours'), num('servingVolunteers', 'vol.fig.serving'),
      ]} />
    </>
  );
}
