import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useFileImport } from '../../components/useFileImport.ts';
import { useT } from '../../i18n/context.ts';
import { generateInsured, importErrorReport, importInsured } from './api.ts';

/** 参保: insure every rural household of the county from the registry, or import the insurer's accepted list. */
export function InsuredImport({ county, year, onImported }: { county: string; year: number; onImported: () => void }) {
  const t = useT();
  const [generated, setGenerated] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { busy: uploading, result, refused, choose } = useFileImport((file) => importInsured(county, year, file), onImported);
  const generate = async () => {
    setBusy(true);
    setGenerated(null);
    setFailed(null);
    try {
      const r = await generateInsured(county, year);
      setGenerated(t('insurance.insured.generated', { added: r.added, total: r.total }));
      onImported();
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const download = async (file: File) => {
    const blob = await importErrorReport(county, year, file);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `承保清单错误报告-${year}.xlsx`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button loading={busy} onClick={() => void generate()} data-testid="insured-generate">{t('insurance.insured.generate')}</Button>
        <label>
          {t('insurance.insured.import')}{' '}
          <input type="file" accept=".xlsx,.csv" disabled={uploading} onChange={(e) => void choose(e)} data-testid="insured-file" />
        </label>
      </Space>
      <Typography.Text type="secondary">{t('insurance.insured.importHint')}</Typography.Text>
      {generated && <Alert type="success" showIcon message={generated} data-testid="insured-generated" />}
      {failed && <Alert type="error" showIcon message={failed} data-testid="insured-generate-error" />}
      {result && <Alert type="success" showIcon message={t('insurance.insured.imported', { rows: result.rows, added: result.added, updated: result.updated, total: result.total })} />}
      {refused && (
        <Alert type="error" showIcon message={refused.message}
          description={<>
            {refused.errors.length > 0 && <ul>{refused.errors.slice(0, 20).map((e) => <li key={`${e.row}-${e.column}`}>{e.message}</li>)}</ul>}
            <Button size="small" onClick={() => void download(refused.file)}>{t('insurance.insured.errorReport')}</Button>
          </>} />
      )}
    </Space>
  );
}
