import { Alert, Button, Card, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { fetchAudit } from '../api/audit.ts';
import type { AuditEntry } from '../api/types.ts';
import { useCurrentUser } from '../auth/context.ts';
import { can } from '../auth/permissions.ts';
import { useT } from '../i18n/context.ts';
import { AuditTable } from './audit/AuditTable.tsx';
import { AuditVerify } from './audit/AuditVerify.tsx';

const PAGE = 50;

export default function AuditPage() {
  const t = useT();
  const me = useCurrentUser();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Keyset paging: each page asks for entries older than the last one shown.
  const loadPage = useCallback(async (before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchAudit(PAGE, before);
      setEntries((prev) => (before === undefined ? page : [...prev, ...page]));
      setMore(page.length === PAGE);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadPage();
  }, [loadPage]);

  const last = entries[entries.length - 1];

  return (
    <Card title={t('audit.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {can(me, 'audit.verify') && <AuditVerify />}
        {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: error })} />}
        <AuditTable entries={entries} loading={loading} />
        {more && last && (
          <Button data-testid="audit-more" onClick={() => void loadPage(last.id)} loading={loading}>
            {t('audit.loadMore')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
