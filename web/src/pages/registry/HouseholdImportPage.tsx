import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/context.ts';
import { TEMPLATE_URL, errorReportUrl, formatOf, uploadImport, type ImportResult, type ImportRowError } from './importApi.ts';

/** 导入家庭: template, file, all-or-nothing or only the correct rows, then counts and row errors. */
export default function HouseholdImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const format = file ? formatOf(file.name) : null;

  const upload = async () => {
    if (!file || !format) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await uploadImport(file, format, partial));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('registry.import.title')} extra={<Link to="/households">{t('registry.action.back')}</Link>} data-testid="household-import">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Button icon={<DownloadOutlined />} href={TEMPLATE_URL}>
          {t('registry.import.template')}
        </Button>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: format ? 'done' : 'error' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false; // kept in the page; sent as the raw body on 上传导入
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>{t('registry.import.choose')}</Button>
        </Upload>
        {file && !format && <Alert type="error" showIcon message={t('registry.import.badType')} />}
        <Space direction="vertical" size={0}>
          <Checkbox checked={partial} onChange={(e) => setPartial(e.target.checked)} data-testid="import-partial">
            {t('registry.import.partial')}
          </Checkbox>
          <Typography.Text type="secondary">{t('registry.import.partialHint')}</Typography.Text>
        </Space>
        <Button type="primary" disabled={!file || !format} loading={busy} onClick={() => void upload()} data-testid="import-submit">
          {t('registry.import.upload')}
        </Button>
        {error && <Alert type="error" showIcon message={error} />}
        {result && <ImportOutcome result={result} />}
      </Space>
    </Card>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const t = useT();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      <Alert
        type={result.refused ? 'error' : result.errorCount ? 'warning' : 'success'}
        showIcon
        message={t(result.refused ? 'registry.import.refused' : 'registry.import.done')}
        description={result.message ?? (result.errorCount ? t('registry.import.errorCount', { count: result.errorCount }) : undefined)}
      />
      <Row gutter={16}>
        <Col span={6}><Statistic title={t('registry.import.households')} value={result.imported.households} /></Col>
        <Col span={6}><Statistic title={t('registry.import.members')} value={result.imported.members} /></Col>
        <Col span={6}><Statistic title={t('registry.import.rejectedRows')} value={result.rejected.rows} /></Col>
        <Col span={6}><Statistic title={t('registry.import.rejectedHouseholds')} value={result.rejected.households} /></Col>
      </Row>
      {result.reportId && result.errorCount > 0 && (
        <Button icon={<DownloadOutlined />} href={errorReportUrl(result.reportId)}>
          {t('registry.import.errorReport')}
        </Button>
      )}
      {result.errors.length > 0 && (
        <Table<ImportRowError & { key: number }>
          size="small"
          data-testid="import-errors"
          dataSource={result.errors.map((e, key) => ({ ...e, key }))}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('registry.import.row'), dataIndex: 'row', width: 80 },
            { title: t('registry.import.column'), dataIndex: 'column', width: 160 },
            { title: t('registry.import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
