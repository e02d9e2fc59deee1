import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/context.ts';
import { downloadResultReport, uploadResult, type ResultImported, type RowError } from './api-subsidy.ts';

/** 导入参保结果: the insurer's answer; a bad file is refused whole, with its row errors and an error report to download. */
export function SubsidyResultImport({ listNo, onImported }: { listNo: string; onImported: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ResultImported | null>(null);
  const [refused, setRefused] = useState<{ message: string; errors: RowError[]; file: File } | null>(null);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    try {
      const r = await uploadResult(listNo, file);
      if (r.ok) {
        setResult(r.result);
        onImported();
      } else setRefused({ message: r.message, errors: r.errors, file });
    } catch (err) {
      setRefused({ message: err instanceof Error ? err.message : String(err), errors: [], file });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('medical.subsidy.result.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('medical.subsidy.result.hint')}</Typography.Text>
        <label>
          {t('medical.subsidy.result.choose')}{' '}
          <input type="file" accept=".xlsx,.csv" disabled={busy} onChange={(e) => void choose(e)} data-testid="subsidy-result-file" />
        </label>
        {result && <Alert type="success" showIcon data-testid="subsidy-result-done" message={t('medical.subsidy.result.done', { enrolled: result.enrolled, refused: result.refused, pending: result.pending })} />}
        {refused && (
          <Alert type="error" showIcon data-testid="subsidy-result-error" message={refused.message}
            description={refused.errors.length > 0 && (
              <>
                <ul>{refused.errors.map((x) => <li key={`${x.row}-${x.column}`}>{x.message}</li>)}</ul>
                <Button size="small" onClick={() => void downloadResultReport(listNo, refused.file)}>{t('medical.subsidy.result.report')}</Button>
              </>
            )} />
        )}
      </Space>
    </Card>
  );
}
