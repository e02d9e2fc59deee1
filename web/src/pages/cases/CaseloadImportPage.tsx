import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CaseloadResult, CaseloadWarning } from '../../../../src/modules/caseload/contract.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { MonthInput } from '../../components/DateInput.tsx';

type Format = 'xlsx' | 'csv';
interface RowError { row: number; column: string; message: string }
type Outcome =
  | { ok: true; result: CaseloadResult }
  | { ok: false; message: string; errors: RowError[]; errorCount: number; warnings: CaseloadWarning[]; warningCount: number };

const formatOf = (name: string): Format | null => (name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : name.toLowerCase().endsWith('.csv') ? 'csv' : null);
/** This month in China (YYYY-MM): the default first month paid. */
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const query = (file: File, format: Format, month: string, dryRun: boolean) =>
  `format=${format}&fileName=${encodeURIComponent(file.name)}&firstMonth=${month}&dryRun=${dryRun ? 'true' : 'false'}`;

/** Sends the file as the raw body with upload progress; a 400 answers the row errors (and the warnings found meanwhile). */
function send(file: File, format: Format, month: string, dryRun: boolean, onProgress: (percent: number) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/cases/import/caseload?${query(file, format, month, dryRun)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error(xhr.statusText || 'network error'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, result: body as CaseloadResult });
      const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
      const details = isRecord(error['details']) ? error['details'] : {};
      const errors = Array.isArray(details['errors']) ? (details['errors'] as RowError[]) : [];
      const warnings = Array.isArray(details['warnings']) ? (details['warnings'] as CaseloadWarning[]) : [];
      resolve({
        ok: false, message: typeof error['message'] === 'string' ? error['message'] : xhr.statusText, errors,
        errorCount: typeof details['errorCount'] === 'number' ? details['errorCount'] : errors.length,
        warnings, warningCount: typeof details['warningCount'] === 'number' ? details['warningCount'] : warnings.length,
      });
    };
    xhr.send(file);
  });
}

/** Asks for the file's report (.xlsx: errors, amount warnings, summary) — checked again, nothing imported — and saves it. */
async function downloadReport(file: File, format: Format, month: string): Promise<void> {
  const res = await fetch(`/api/v1/cases/import/caseload/report.xlsx?${query(file, format, month, true)}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (!res.ok) throw new Error(res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `存量对象检查报告-${file.name.replace(/\.[^.]+$/, '')}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 存量对象导入 (county approver): template, file, first month paid; check (dry run) then import; errors and amount warnings by row. */
export default function CaseloadImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [month, setMonth] = useState<string>(thisMonth);
  const [percent, setPercent] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const format = file ? formatOf(file.name) : null;
  const monthText = month;

  const run = async (dryRun: boolean) => {
    if (!file || !format) return;
    setOutcome(null);
    setFailure(null);
    setPercent(0);
    try {
      const r = await send(file, format, monthText, dryRun, setPercent);
      setOutcome(r);
      setCheckedFile(r.ok && r.result.dryRun ? file : null);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setPercent(null);
    }
  };
  const warnings = outcome ? (outcome.ok ? outcome.result.warnings : outcome.warnings) : [];
  const warningCount = outcome ? (outcome.ok ? outcome.result.warningCount : outcome.warningCount) : 0;
  const report = () => file && format && void downloadReport(file, format, monthText).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  const yuanOrDash = (fen: number | null) => (fen === null ? t('caseload.none') : formatYuan(fen));

  return (
    <Card title={t('caseload.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="caseload-import">
        <Typography.Text type="secondary">{t('caseload.hint')}</Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/v1/cases/import/caseload/template.xlsx">{t('caseload.template')}</Button>
          <Upload accept=".xlsx,.csv" maxCount={1} fileList={file ? [{ uid: 'file', name: file.name, status: format ? 'done' : 'error' }] : []}
            beforeUpload={(f) => { setFile(f); setOutcome(null); setCheckedFile(null); return false; }} onRemove={() => { setFile(null); setCheckedFile(null); }}>
            <Button icon={<UploadOutlined />}>{t('caseload.choose')}</Button>
          </Upload>
        </Space>
        <Form layout="inline">
          <Form.Item label={t('caseload.firstMonth')} extra={t('caseload.firstMonthHint')}>
            <MonthInput aria-label={t('caseload.firstMonth')} value={month} style={{ width: 160 }} data-testid="caseload-month" onChange={(m) => { if (m) { setMonth(m); setCheckedFile(null); } }} />
          </Form.Item>
        </Form>
        <Space wrap>
          <Button disabled={!file || !format} loading={percent !== null} onClick={() => void run(true)} data-testid="caseload-check">{t('caseload.check')}</Button>
          <Button type="primary" disabled={!file || !format || checkedFile !== file} loading={percent !== null} onClick={() => void run(false)} data-testid="caseload-submit">{t('caseload.import')}</Button>
        </Space>
        {file && !format && <Alert type="error" showIcon message={t('caseload.badType')} />}
        {percent !== null && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={percent} size="small" />
            <Typography.Text type="secondary">{percent < 100 ? t('caseload.uploading', { percent }) : t('caseload.working')}</Typography.Text>
          </Space>
        )}
        {failure && <Alert type="error" showIcon message={failure} />}
        {outcome?.ok && (
          <Alert type="success" showIcon data-testid={outcome.result.dryRun ? 'caseload-checked' : 'caseload-done'}
            message={t(outcome.result.dryRun ? 'caseload.checked' : 'caseload.done', {
              rows: outcome.result.rows, dibao: outcome.result.imported.dibao, hardship: outcome.result.imported.hardship, closed: outcome.result.imported.closed,
              amount: formatYuan(outcome.result.imported.amountFen), warnings: outcome.result.warningCount, month: outcome.result.firstMonth,
            })} />
        )}
        {outcome && !outcome.ok && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="caseload-refused">
            <Alert type="error" showIcon message={t('caseload.refused')}
              description={outcome.errorCount > 0 ? t('caseload.errorCount', { count: outcome.errorCount }) : outcome.message} />
            {outcome.errors.length > 0 && (
              <Table<RowError & { key: number }> size="small" data-testid="caseload-errors" title={() => t('caseload.errors')}
                dataSource={outcome.errors.map((e, key) => ({ ...e, key }))} pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: t('caseload.row'), dataIndex: 'row', width: 80 },
                  { title: t('caseload.column'), dataIndex: 'column', width: 180 },
                  { title: t('caseload.message'), dataIndex: 'message' },
                ]} />
            )}
          </Space>
        )}
        {outcome && (!outcome.ok || warningCount > 0) && <Button icon={<DownloadOutlined />} onClick={report}>{t('caseload.report')}</Button>}
        {warnings.length > 0 && (
          <Table<CaseloadWarning & { key: number }> size="small" data-testid="caseload-warnings"
            title={() => (warningCount > warnings.length ? `${t('caseload.warnings')}（${t('caseload.warningsMore', { count: warningCount, shown: warnings.length })}）` : t('caseload.warnings'))}
            dataSource={warnings.map((w, key) => ({ ...w, key }))} pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('caseload.row'), dataIndex: 'row', width: 80 },
              { title: t('caseload.householdNo'), dataIndex: 'householdNo', width: 160 },
              { title: t('caseload.programme'), dataIndex: 'programme', width: 100, render: (p: CaseloadWarning['programme']) => t(`caseload.programme.${p}`) },
              { title: t('caseload.imported'), dataIndex: 'importedFen', width: 140, align: 'right', render: (f: number) => formatYuan(f) },
              { title: t('caseload.formula'), dataIndex: 'formulaFen', width: 140, align: 'right', render: (f: number | null) => yuanOrDash(f) },
              { title: t('caseload.message'), dataIndex: 'message' },
            ]} />
        )}
      </Space>
    </Card>
  );
}
