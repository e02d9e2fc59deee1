import { Alert, Button, Card, Space, Typography } from 'antd';
import { ApiError } from '../../api/client.ts';
import { fileFormatOf, postFile, uploadFile } from '../../api/upload.ts';
import { useFileImport } from '../../components/useFileImport.ts';
import { useT } from '../../i18n/context.ts';

interface Imported {
  households: number;
  personsFirst: number;
  personsSecond: number;
  personsThird: number;
}

const urlOf = (season: string, file: File, report = false) =>
  `/api/v1/disaster/winter-needs/import${report ? '/errors.xlsx' : ''}?season=${season}&format=${fileFormatOf(file)}`;

async function downloadReport(season: string, file: File): Promise<void> {
  const res = await postFile(urlOf(season, file, true), file);
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `冬春需求调查错误报告-${season}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 导入调查表: a whole season's survey from a file; a bad file is refused whole, with its row errors and an error report. */
export function WinterImport({ season, onImported }: { season: string; onImported: () => void }) {
  const t = useT();
  const { busy, result, refused, choose } = useFileImport((file) => uploadFile<Imported>(urlOf(season, file), file), onImported);
  return (
    <Card size="small" title={t('disaster.winter.import')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('disaster.winter.importHint')}</Typography.Text>
        <input type="file" accept=".xlsx,.csv" aria-label={t('disaster.winter.import')} disabled={busy} onChange={(e) => void choose(e)} data-testid="winter-file" />
        {result && <Alert type="success" showIcon data-testid="winter-imported" message={t('disaster.winter.imported', { households: result.households })} />}
        {refused && (
          <Alert type="error" showIcon data-testid="winter-import-error" message={refused.message}
            description={refused.errors.length > 0 && (
              <>
                <ul>{refused.errors.slice(0, 20).map((x) => <li key={`${x.row}-${x.column}`}>{t('disaster.winter.rowError', { row: x.row, column: x.column, message: x.message })}</li>)}</ul>
                <Button size="small" onClick={() => void downloadReport(season, refused.file)}>{t('disaster.winter.report')}</Button>
              </>
            )} />
        )}
      </Space>
    </Card>
  );
}
