import { Alert, Card, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/context.ts';
import { uploadReturns, type ReturnsResult, type RowError } from './api.ts';
import { formatYuan } from './format.ts';

/** 回盘导入: the bank's result file; a bad file is refused whole with its row errors. */
export function ReturnsImport({ payrollNo, onImported }: { payrollNo: string; onImported: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReturnsResult | null>(null);
  const [refused, setRefused] = useState<{ message: string; errors: RowError[] } | null>(null);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    try {
      const r = await uploadReturns(payrollNo, file);
      if (r.ok) {
        setResult(r.result);
        onImported();
      } else setRefused({ message: r.message, errors: r.errors });
    } catch (err) {
      setRefused({ message: err instanceof Error ? err.message : String(err), errors: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('payroll.returns.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('payroll.returns.hint')}</Typography.Text>
        <label>
          {t('payroll.returns.choose')}{' '}
          <input type="file" accept=".xlsx,.csv" disabled={busy} onChange={(e) => void choose(e)} data-testid="payroll-returns-file" />
        </label>
        {result && <Alert type="success" showIcon data-testid="payroll-returns-done" message={t('payroll.returns.done', { paid: result.paid, failed: result.failed, amount: formatYuan(result.reissueFen) })} />}
        {refused && (
          <Alert type="error" showIcon data-testid="payroll-returns-error" message={refused.message}
            description={refused.errors.length > 0 && <ul>{refused.errors.slice(0, 20).map((e) => <li key={`${e.row}-${e.column}`}>{t('payroll.returns.row', { row: e.row, column: e.column, message: e.message })}</li>)}</ul>} />
        )}
      </Space>
    </Card>
  );
}
