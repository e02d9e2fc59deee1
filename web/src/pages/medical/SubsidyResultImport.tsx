import { Alert, Button, Card, Space, Typography } from 'antd';
import { useFileImport } from '../../components/useFileImport.ts';
import { useT } from '../../i18n/context.ts';
import { downloadResultReport, uploadResult } from './api-subsidy.ts';

/** 导入参保结果: the insurer's answer; a bad file is refused whole, with its row errors and an error report to download. */
export function SubsidyResultImport({ listNo, onImported }: { listNo: string; onImported: () => void }) {
  const t = useT();
  const { busy, result, refused, choose } = useFileImport((file) => uploadResult(listNo, file), onImported);
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
