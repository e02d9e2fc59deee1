import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';

// The answers of /api/v1/medical/settlements as the page uses them (src/modules/medical/contract/settlements.ts).
export interface SettlementImport {
  importNo: string;
  countyCode: string;
  countyName: string;
  fileName: string;
  rows: number;
  amountFen: number;
  importedBy: string;
  department: string | null;
  importedAt: string;
}
export interface SettlementImportItem extends SettlementImport {
  importedByName: string;
}
export interface SettledEpisode {
  id: number;
  rowNo: number | null;
  settlementNo: string | null;
  name: string;
  idNumber: string;
  groupLabel: string;
  kindLabel: string;
  critical: boolean;
  hospital: string;
  admittedOn: string;
  dischargedOn: string;
  totalCostFen: number;
  eligibleSelfPayFen: number;
  assistanceFen: number;
  tiltFen: number;
  areaName: string;
}
export interface SettlementImportDetail extends SettlementImportItem {
  episodes: { items: SettledEpisode[]; next: number | null };
}

export interface SettlementRowError {
  row: number;
  column: string;
  message: string;
}

type Format = 'xlsx' | 'csv';
type Outcome = { ok: true; result: SettlementImport } | { ok: false; message: string; errors: SettlementRowError[]; errorCount: number };

const formatOf = (name: string): Format | null => (name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : name.toLowerCase().endsWith('.csv') ? 'csv' : null);
const query = (file: File, format: Format) => `format=${format}&fileName=${encodeURIComponent(file.name)}`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sends the file as the raw body, reporting the upload's progress; a 400 answers the row errors. */
function send(file: File, format: Format, onProgress: (percent: number) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/medical/settlements?${query(file, format)}`);
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
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, result: body as SettlementImport });
      const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
      const details = isRecord(error['details']) ? error['details'] : {};
      const errors = Array.isArray(details['errors']) ? (details['errors'] as SettlementRowError[]) : [];
      const message = typeof error['message'] === 'string' ? error['message'] : xhr.statusText;
      resolve({ ok: false, message, errors, errorCount: typeof details['errorCount'] === 'number' ? details['errorCount'] : errors.length });
    };
    xhr.send(file);
  });
}

/** Asks for the file's error report (.xlsx) — the file is checked again, nothing imported — and saves it. */
async function downloadReport(file: File, format: Format): Promise<void> {
  const res = await fetch(`/api/v1/medical/settlements/errors.xlsx?${query(file, format)}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (!res.ok) throw new Error(res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `一站式结算错误报告-${file.name.replace(/\.[^.]+$/, '')}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 上传导入: template, file, upload progress, then the import or the row errors of a refused file. */
export function SettlementUpload({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const format = file ? formatOf(file.name) : null;

  const upload = async () => {
    if (!file || !format) return;
    setOutcome(null);
    setFailure(null);
    setPercent(0);
    try {
      const r = await send(file, format, setPercent);
      setOutcome(r);
      if (r.ok) onImported();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setPercent(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="settlement-upload">
      <Typography.Text type="secondary">{t('medical.settlements.hint')}</Typography.Text>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href="/api/v1/medical/settlements/template.xlsx">{t('medical.settlements.template')}</Button>
        <Upload accept=".xlsx,.csv" maxCount={1} fileList={file ? [{ uid: 'file', name: file.name, status: format ? 'done' : 'error' }] : []}
          beforeUpload={(f) => { setFile(f); setOutcome(null); return false; }} onRemove={() => setFile(null)}>
          <Button icon={<UploadOutlined />}>{t('medical.settlements.choose')}</Button>
        </Upload>
        <Button type="primary" disabled={!file || !format} loading={percent !== null} onClick={() => void upload()} data-testid="settlement-submit">{t('medical.settlements.upload')}</Button>
      </Space>
      {file && !format && <Alert type="error" showIcon message={t('medical.settlements.badType')} />}
      {percent !== null && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} size="small" />
          <Typography.Text type="secondary">{percent < 100 ? t('medical.settlements.uploading', { percent }) : t('medical.settlements.checking')}</Typography.Text>
        </Space>
      )}
      {failure && <Alert type="error" showIcon message={failure} />}
      {outcome?.ok && (
        <Alert type="success" showIcon data-testid="settlement-done"
          message={t('medical.settlements.done', { rows: outcome.result.rows, amount: formatYuan(outcome.result.amountFen), importNo: outcome.result.importNo })} />
      )}
      {outcome && !outcome.ok && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="settlement-refused">
          <Alert type="error" showIcon message={t('medical.settlements.refused')}
            description={outcome.errorCount > 0 ? t('medical.settlements.errorCount', { count: outcome.errorCount }) : outcome.message} />
          {outcome.errors.length > 0 && file && format && (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => void downloadReport(file, format).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))}>
                {t('medical.settlements.errorReport')}
              </Button>
              <Table<SettlementRowError & { key: number }> size="small" data-testid="settlement-errors"
                dataSource={outcome.errors.map((e, key) => ({ ...e, key }))} pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: t('medical.settlements.row'), dataIndex: 'row', width: 80 },
                  { title: t('medical.settlements.column'), dataIndex: 'column', width: 180 },
                  { title: t('medical.settlements.message'), dataIndex: 'message' },
                ]} />
            </>
          )}
        </Space>
      )}
    </Space>
  );
}
