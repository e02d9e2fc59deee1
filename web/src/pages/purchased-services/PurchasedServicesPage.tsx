import { Alert, Button, Card, Checkbox, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { TASK_STATUSES, type ContractList, type TaskList } from '../../../../src/modules/purchased-services/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import * as ps from './api.ts';
import { PsDialog, type Dialog } from './PsDialog.tsx';
import { FiguresTable } from './FiguresTable.tsx';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

type Contract = ContractList['items'][number];
type Task = TaskList['items'][number];

/** 政府购买服务: contracts with their evaluations, tasks (record, confirm, cancel), the 社会救助协理员 register, the year's figures. */
export default function PurchasedServicesPage() {
  const t = useT();
  const me = useCurrentUser();
  const manages = can(me, 'purchased_services.manage');
  const county = manages && me.areaLevel === 'county';
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reload, setReload] = useState(0);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(me.role === 'village_clerk');
  const [year, setYear] = useState(() => Number(today().slice(0, 4)));
  const contracts = useApiData(() => ps.listContracts(), [reload]);
  const evaluations = useApiData(() => ps.listEvaluations(), [reload]);
  const tasks = useApiData(() => ps.listTasks({ status, overdue, mine }), [reload, status, overdue, mine]);
  const assistants = useApiData(() => ps.listAssistants(), [reload]);
  const figs = useApiData(() => ps.figures(year), [year, reload]);
  const done = () => { setDialog(null); setReload((n) => n + 1); };
  const err = [contracts, evaluations, tasks, assistants].find((d) => d.error)?.error;
  const empty = { emptyText: t('common.noData') };
  const active = (contracts.data?.items ?? []).filter((c) => c.status === 'active');
  return (
    <Card title={t('ps.title')}>
      {err && <Alert type="error" showIcon message={t('common.loadFailed', { message: err.message })} />}
      <Tabs items={[
        { key: 'contracts', label: t('ps.tab.contracts'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {county && <Space>
              <Button type="primary" onClick={() => setDialog({ kind: 'contract' })} data-testid="ps-new-contract">{t('ps.add')}</Button>
              <Button onClick={() => setDialog({ kind: 'evaluation' })}>{t('ps.evaluate')}</Button>
            </Space>}
            <Table<Contract> size="small" rowKey="id" loading={contracts.loading} dataSource={contracts.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'no', title: t('ps.col.contractNo'), dataIndex: 'contractNo' },
              { key: 'ti', title: t('ps.col.title'), dataIndex: 'title' },
              { key: 'p', title: t('ps.col.provider'), dataIndex: 'providerName' },
              { key: 'k', title: t('ps.col.kind'), render: (_, c) => <Tag>{t(`ps.contractKind.${c.kind}` as MessageKey)}</Tag> },
              { key: 'pe', title: t('ps.col.period'), render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
              { key: 'a', title: t('ps.col.amount'), align: 'right', render: (_, c) => (c.amountFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
              { key: 's', title: t('ps.col.status'), render: (_, c) => <Tag color={c.status === 'active' ? 'green' : undefined}>{t(`ps.contractStatus.${c.status}` as MessageKey)}{c.closedOn ? ` ${c.closedOn}` : ''}</Tag> },
              { key: 'tk', title: t('ps.col.tasks'), render: (_, c) => t('ps.taskCounts', { tasks: c.tasks, done: c.tasksDone, overdue: c.tasksOverdue }) },
              { key: 'op', title: '', render: (_, c) => county && c.status === 'active' && <Space>
                <Button size="small" onClick={() => setDialog({ kind: 'end', id: c.id })}>{t('ps.end')}</Button>
                <Button size="small" danger onClick={() => setDialog({ kind: 'terminate', id: c.id })}>{t('ps.terminate')}</Button>
              </Space> },
            ]} />
            <Table size="small" rowKey="id" title={() => t('ps.evaluations')} loading={evaluations.loading} dataSource={evaluations.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'y', title: t('ps.col.year'), dataIndex: 'year' },
              { key: 'c', title: t('ps.col.title'), dataIndex: 'contractTitle' },
              { key: 'p', title: t('ps.col.provider'), dataIndex: 'providerName' },
              { key: 's', title: t('ps.col.score'), dataIndex: 'score', align: 'right' },
              { key: 'r', title: t('ps.col.rating'), render: (_, e) => <Tag color={e.rating === 'fail' ? 'red' : e.rating === 'excellent' ? 'green' : undefined}>{t(`ps.rating.${e.rating}` as MessageKey)}</Tag> },
              { key: 't', title: t('ps.col.yearTasks'), render: (_, e) => t('ps.yearTasks', { assigned: e.tasksAssigned, done: e.tasksDone, confirmed: e.tasksConfirmed, overdue: e.tasksOverdue }) },
              { key: 'd', title: t('ps.col.evaluatedOn'), dataIndex: 'evaluatedOn' },
            ]} />
          </Space>
        ) },
        { key: 'tasks', label: t('ps.tab.tasks'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {manages && <Button type="primary" onClick={() => setDialog({ kind: 'task' })} data-testid="ps-new-task">{t('ps.assign')}</Button>}
              <Select aria-label={t('ps.col.status')} allowClear placeholder={t('ps.col.status')} style={{ width: 140 }} value={status} onChange={setStatus}
                options={TASK_STATUSES.map((s) => ({ value: s, label: t(`ps.taskStatus.${s}` as MessageKey) }))} />
              <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('ps.overdueOnly')}</Checkbox>
              <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>{t('ps.mine')}</Checkbox>
            </Space>
            <Table<Task> size="small" rowKey="id" loading={tasks.loading} dataSource={tasks.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'k', title: t('ps.col.taskKind'), render: (_, x) => t(`ps.taskKind.${x.kind}` as MessageKey) },
              { key: 'v', title: t('ps.col.village'), dataIndex: 'villageName' },
              { key: 'o', title: t('ps.col.target'), render: (_, x) => x.householdNo ?? x.personId ?? '—' },
              { key: 'p', title: t('ps.col.provider'), dataIndex: 'providerName' },
              { key: 'w', title: t('ps.col.assignee'), render: (_, x) => [x.workerName, x.assistantName].filter(Boolean).join(' / ') },
              { key: 'd', title: t('ps.col.due'), render: (_, x) => `${x.assignedOn} ~ ${x.dueOn}` },
              { key: 's', title: t('ps.col.status'), render: (_, x) => <Space size={4}>
                <Tag color={x.status === 'done' ? 'green' : undefined}>{t(`ps.taskStatus.${x.status}` as MessageKey)}</Tag>
                {x.overdue && <Tag color="red">{t('ps.overdue')}</Tag>}
                {x.confirmed && <Tag color="blue">{t('ps.confirmed')}</Tag>}
              </Space> },
              { key: 'r', title: t('ps.col.record'), render: (_, x) => (x.doneOn ? `${x.doneOn} · ${t('ps.minutes', { n: x.minutes ?? 0 })} · ${x.findings ?? ''}` : x.cancelReason ?? '—') },
              { key: 'op', title: '', render: (_, x) => <Space>
                {x.mayPerform && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'perform', id: x.id })}>{t('ps.perform')}</Button>}
                {x.mayConfirm && <Button size="small" onClick={() => setDialog({ kind: 'confirm', id: x.id })}>{t('ps.confirm')}</Button>}
                {x.mayCancel && <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', id: x.id })}>{t('ps.cancel')}</Button>}
              </Space> },
            ]} />
          </Space>
        ) },
        { key: 'assistants', label: t('ps.tab.assistants'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {county && <Button type="primary" onClick={() => setDialog({ kind: 'assistant' })} data-testid="ps-new-assistant">{t('ps.add')}</Button>}
            <Table size="small" rowKey="id" loading={assistants.loading} dataSource={assistants.data?.items ?? []} locale={empty} scroll={{ x: true }} columns={[
              { key: 'n', title: t('ps.col.name'), dataIndex: 'name' },
              { key: 'i', title: t('ps.col.idNumber'), dataIndex: 'idNumber' },
              { key: 'p', title: t('ps.col.phone'), render: (_, a) => a.phone ?? '—' },
              { key: 'v', title: t('ps.col.village'), dataIndex: 'villageName' },
              { key: 'e', title: t('ps.col.employed'), render: (_, a) => `${a.employedFrom} ~ ${a.employedTo ?? ''}` },
              { key: 'f', title: t('ps.col.funding'), render: (_, a) => `${t(`ps.funding.${a.funding}` as MessageKey)}${a.contractNo ? ` ${a.contractNo}` : ''}` },
              { key: 'u', title: t('ps.col.account'), render: (_, a) => (a.userId ? t('ps.hasAccount') : '—') },
              { key: 'in', title: t('ps.col.inPost'), render: (_, a) => (a.inPost ? <Tag color="green">{t('ps.inPost')}</Tag> : <Tag>{t('ps.notInPost')}</Tag>) },
              { key: 'o', title: t('ps.col.openTasks'), dataIndex: 'openTasks', align: 'right' },
            ]} />
          </Space>
        ) },
        { key: 'figures', label: t('ps.tab.figures'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space><span>{t('ps.col.year')}</span><InputNumber aria-label={t('ps.col.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>
            {figs.error && <Alert type="error" showIcon message={figs.error.message} />}
            {figs.data && <FiguresTable f={figs.data} />}
          </Space>
        ) },
      ]} />
      {dialog !== null && <PsDialog dialog={dialog} onClose={() => setDialog(null)} onDone={done}
        contracts={active} allContracts={contracts.data?.items ?? []} assistants={(assistants.data?.items ?? []).filter((a) => a.inPost)} />}
    </Card>
  );
}
