// One institution: profile, staff and beds, star ratings by year, construction projects, and 入住与床位
// (the placements' tab). Its county's approver edits it and adds ratings and projects.
import { Alert, Button, Card, Descriptions, Rate, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ProjectView, RatingView } from '../../../../src/modules/institutions/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { formatYuan } from '../registry/money.ts';
import { getInstitution } from './api.ts';
import { InstitutionForm } from './InstitutionForm.tsx';
import { ProjectForm, RatingForm } from './RecordForms.tsx';
import { ResidentsTab } from './ResidentsTab.tsx';

type Dialog = { kind: 'edit' } | { kind: 'rating' } | { kind: 'project'; project?: ProjectView } | null;

export default function InstitutionPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data: i, error, reload } = useApiData(() => getInstitution(id), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: error.message })} />;
  if (!i) return <PageLoading />;
  const saved = () => {
    setDialog(null);
    reload();
  };
  const dash = (v: string | null) => v ?? '—';
  const persons = (n: number) => t('inst.unit.persons', { n });
  const beds = (n: number) => t('inst.unit.beds', { n });
  const tabs = [
    {
      key: 'profile', label: t('inst.tab.profile'),
      children: (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('inst.field.kind')}>{t(`inst.kind.${i.kind}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.county')}>{i.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.area')}>{dash(i.areaName)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.address')}>{i.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.creditCode')}>{dash(i.creditCode)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.legalPersonStatus')}>
            {t(`inst.legal.${i.legalPersonStatus}`)}{i.legalPersonRegisteredOn ? `（${i.legalPersonRegisteredOn}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('inst.field.openedOn')}>{dash(i.openedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.status')}>{t(`inst.status.${i.status}`)}{i.closedOn ? `（${i.closedOn}）` : ''}</Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'staff', label: t('inst.tab.staffBeds'),
      children: (
        <Descriptions column={{ xs: 1, md: 3 }} bordered size="small">
          <Descriptions.Item label={t('inst.field.posts')}>{t('inst.unit.posts', { n: i.posts })}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.staffManagement')}>{persons(i.staff.management)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.staffCare')}>{persons(i.staff.care)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.staffMedical')}>{persons(i.staff.medical)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.staff.total')} span={2}>{persons(i.staff.total)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.beds')}>{beds(i.bedSummary.total)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.careBeds')} span={2}>{beds(i.bedSummary.care)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.bedsSelfCare')}>{beds(i.bedSummary.selfCare)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.bedsPartial')}>{beds(i.bedSummary.partial)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.field.bedsFull')}>{beds(i.bedSummary.full)}</Descriptions.Item>
          <Descriptions.Item label={t('inst.beds.unassigned')}>{beds(i.bedSummary.unassigned)}</Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'ratings', label: t('inst.tab.ratings'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {i.mayManage && <Button onClick={() => setDialog({ kind: 'rating' })}>{t('inst.rating.add')}</Button>}
          <Table<RatingView> rowKey="year" size="small" pagination={false} dataSource={i.ratings} locale={{ emptyText: t('inst.none') }}
            columns={[
              { title: t('inst.rating.year'), dataIndex: 'year' },
              { title: t('inst.rating.stars'), dataIndex: 'stars', render: (s: number) => <Rate disabled value={s} style={{ fontSize: 14 }} /> },
              { title: t('inst.rating.assessedOn'), dataIndex: 'assessedOn' },
              { title: t('inst.rating.assessor'), dataIndex: 'assessor' },
              { title: t('inst.rating.score'), dataIndex: 'score', render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
              { title: t('inst.rating.note'), dataIndex: 'note' },
            ]} />
        </Space>
      ),
    },
    {
      key: 'projects', label: t('inst.tab.projects'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {i.mayManage && <Button onClick={() => setDialog({ kind: 'project' })}>{t('inst.project.add')}</Button>}
          <Table<ProjectView> rowKey="id" size="small" pagination={false} dataSource={i.projects} locale={{ emptyText: t('inst.none') }}
            columns={[
              { title: t('inst.project.name'), dataIndex: 'name' },
              { title: t('inst.project.year'), dataIndex: 'year' },
              { title: t('inst.project.fundingSource'), dataIndex: 'fundingSource', render: (s: ProjectView['fundingSource']) => t(`inst.funding.${s}`) },
              { title: t('inst.project.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: t('inst.project.status'), dataIndex: 'status', render: (s: ProjectView['status']) => t(`inst.projectStatus.${s}`) },
              { title: t('inst.project.startedOn'), dataIndex: 'startedOn', render: dash },
              { title: t('inst.project.completedOn'), dataIndex: 'completedOn', render: dash },
              ...(i.mayManage ? [{ key: 'edit', render: (_: unknown, p: ProjectView) => <Button size="small" onClick={() => setDialog({ kind: 'project', project: p })}>{t('inst.project.edit')}</Button> }] : []),
            ]} />
        </Space>
      ),
    },
    // 入住与床位: filled by the placements work (ResidentsTab.tsx).
    { key: 'residents', label: t('inst.tab.residents'), children: <ResidentsTab institution={i} /> },
  ];
  return (
    <Card title={i.name} extra={i.mayManage && <Button onClick={() => setDialog({ kind: 'edit' })}>{t('inst.edit')}</Button>}>
      <Tabs items={tabs} />
      {dialog?.kind === 'edit' && <InstitutionForm institution={i} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'rating' && <RatingForm institution={i} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'project' && <ProjectForm institution={i} {...(dialog.project ? { project: dialog.project } : {})} onClose={() => setDialog(null)} onSaved={saved} />}
    </Card>
  );
}
