import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { fetchInbox, fetchOverdue } from './api.ts';
import { CaseTable } from './CaseTable.tsx';
import { NewCaseModal } from './NewCaseModal.tsx';

/** 案件办理: my inbox and the overdue cases; the township window opens applications here. */
export default function CaseInboxPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { area } = useSelectedArea();
  // The header's working area narrows both lists.
  const inbox = useCallback((after?: string) => fetchInbox(area.code, after), [area.code]);
  const overdue = useCallback((after?: string) => fetchOverdue(area.code, after), [area.code]);
  const canOpen = me.role === 'township_caseworker';
  const canBatch = me.role === 'county_approver';

  return (
    <Card
      title={t('cases.inbox.title')}
      extra={
        <Space>
          {canOpen && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="case-new" onClick={() => setCreating(true)}>
              {t('cases.open')}
            </Button>
          )}
          {canBatch && (
            <Button data-testid="batches-open" onClick={() => navigate('/cases/batches')}>
              {t('cases.batches.open')}
            </Button>
          )}
          {canBatch && (
            <Button data-testid="caseload-open" onClick={() => navigate('/cases/import')}>
              {t('caseload.open')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'inbox', label: t('cases.tab.inbox'), children: <CaseTable fetcher={inbox} testId="case-inbox" /> },
          { key: 'overdue', label: t('cases.tab.overdue'), children: <CaseTable fetcher={overdue} testId="case-overdue" /> },
        ]}
      />
      {creating && <NewCaseModal onClose={() => setCreating(false)} onCreated={(caseNo) => navigate(`/cases/${caseNo}`)} />}
    </Card>
  );
}
