import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { verifyAudit } from '../../api/audit.ts';
import type { AuditVerifyResult } from '../../api/types.ts';
import { useT } from '../../i18n/context.ts';

/** Re-computes the hash chain on the server and shows ok or the first broken row. */
export function AuditVerify() {
  const t = useT();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyAudit());
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button data-testid="audit-verify" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()}>
        {t('audit.verify')}
      </Button>
      {result && (
        <Alert
          data-testid="audit-verify-result"
          showIcon
          type={result.ok ? 'success' : 'error'}
          message={
            result.ok
              ? t('audit.verify.ok', { checked: result.checked })
              : t('audit.verify.broken', { id: result.firstBrokenId ?? '?', checked: result.checked })
          }
        />
      )}
      {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: error })} />}
    </Space>
  );
}
