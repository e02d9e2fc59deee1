import { Alert, Button, Card, Form, Select, Space, Table, message } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { todayInChina } from '../cases/api.ts';
import { fetchSnapshots, fetchSources, templateUrl, uploadSnapshot, type Snapshot, type SourceInfo } from './api.ts';
import { VerificationNav } from './VerificationNav.tsx';
import { DateInput } from '../../components/DateInput.tsx';

/** 核对数据: the sources with their templates, the imported snapshots, and an upload of a new snapshot. */
export default function SourcesPage() {
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [source, setSource] = useState('hukou');
  const [date, setDate] = useState(todayInChina());
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, holder] = message.useMessage();
  const sources = useApiData(() => fetchSources(), []);
  const snapshots = useApiData(() => fetchSnapshots(), [version]);
  return (
    <>
      {holder}
      <VerificationNav />
      <Card title={t('verification.sources.title')} style={{ marginBottom: 16 }}>
        <Table<SourceInfo> rowKey="source" size="small" pagination={false} loading={sources.loading} dataSource={sources.data ?? []}
          columns={[
            { key: 'label', title: t('verification.col.source'), render: (_, s) => `${s.label}（${s.department}）` },
            { key: 'items', title: t('verification.col.item'), render: (_, s) => s.items.map((i) => i.label).join('、') },
            { key: 'template', title: t('verification.sources.template'), render: (_, s) => <Space><a href={templateUrl(s.source, 'xlsx')}>.xlsx</a><a href={templateUrl(s.source, 'csv')}>.csv</a></Space> },
          ]} />
      </Card>
      {can(me, 'verification.sources') && (
        <Card title={t('verification.sources.upload')} style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Form layout="inline">
            <Form.Item label={t('verification.col.source')}><Select aria-label={t('verification.col.source')} style={{ width: 220 }} value={sources.data ? source : undefined} onChange={setSource} options={(sources.data ?? []).map((s) => ({ value: s.source, label: s.label }))} /></Form.Item>
            <Form.Item label={t('verification.sources.snapshotDate')}><DateInput value={date} onChange={(v) => setDate(v)} /></Form.Item>
            <Form.Item label={t('verification.sources.file')}><input type="file" aria-label={t('verification.sources.file')} accept=".xlsx,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></Form.Item>
            <Form.Item><Button type="primary" disabled={!file} loading={busy} onClick={() => {
              if (!file) return;
              setBusy(true);
              setError(null);
              uploadSnapshot(source, file, date).then((s) => {
                void toast.success(t('verification.sources.uploaded', { version: s.version, rows: s.rows }));
                setVersion((v) => v + 1);
              }).catch((e: Error) => setError(e.message)).finally(() => setBusy(false));
            }}>{t('verification.sources.upload')}</Button></Form.Item>
          </Form>
        </Card>
      )}
      <Card title={t('verification.sources.snapshots')}>
        <Table<Snapshot> rowKey="id" size="small" loading={snapshots.loading} dataSource={snapshots.data ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'source', title: t('verification.col.source'), dataIndex: 'label' },
            { key: 'version', title: t('verification.sources.version'), dataIndex: 'version' },
            { key: 'date', title: t('verification.sources.snapshotDate'), dataIndex: 'snapshotDate' },
            { key: 'rows', title: t('verification.sources.rows'), dataIndex: 'rows' },
            { key: 'via', title: t('verification.sources.via'), render: (_, s) => s.fileName ?? s.via },
            { key: 'by', title: t('verification.sources.importedBy'), dataIndex: 'importedBy' },
          ]} />
      </Card>
    </>
  );
}
