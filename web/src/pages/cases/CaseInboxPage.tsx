import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { fetchBlob } from '../../api/client.ts';
import { fetchInbox, fetchOverdue, inboxXlsxPath, type InboxFilters } from './api.ts';
import { InboxFilterBar } from './InboxFilterBar.tsx';
import { CaseTable } from './CaseTable.tsx';
import { NewCaseModal } from './NewCaseModal.tsx';

/** The inbox's filters as the URL holds them (/cases?programme=dibao&state=accepted: the home page's 待办 cards link here). */
function filtersOf(params: URLSearchParams): InboxFilters {
  const f: InboxFilters = {};
  for (const key of ['programme', 'state', 'village', 'q'] as const) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  if (params.get('overdue') === 'true') f.overdue = true;
  return f;
}

function paramsOf(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['programme', 'state', 'village', 'q'] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (f.overdue) p.set('overdue', 'true');
  return p;
}

/** Saves a Blob under `name` (the browser's download). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 案件办理: my inbox and the overdue cases, filtered and counted, the inbox exported; the township window opens applications here. */
export default function CaseInboxPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { area } = useSelectedArea();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const setFilters = useCallback((f: InboxFilters) => setParams(paramsOf(f), { replace: true }), [setParams]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // The header's working area and the filters narrow both lists.
  const inbox = useCallback((after?: string) => fetchInbox(area.code, filters, after), [area.code, filters]);
  const overdue = useCallback((after?: string) => fetchOverdue(area.code, filters, after), [area.code, filters]);
  const exportXlsx = async () => {
    setExporting(true);
    setExportError(null);
    try {
      save(await fetchBlob(inboxXlsxPath(area.code, filters)), t('cases.exportName'));
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  };
  const canOpen = me.role === 'township_caseworker';
  const canBatch = me.role === 'county_approver';

  return (
    <Card
      title={t('cases.inbox.title')}
      extra={
        <Space>
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="inbox-export">
            {t('cases.export')}
          </Button>
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
      <Space direction="vertical" style={{ width: '100%' }}>
        <InboxFilterBar root={area} value={filters} onChange={setFilters} />
        {exportError && <Alert type="error" showIcon closable message={t('cases.exportFailed', { message: exportError })} onClose={() => setExportError(null)} />}
      </Space>
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
