import { Alert, Button, Card, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { SettlementEpisodes } from './SettlementEpisodes.tsx';
import { SettlementUpload, type SettlementImportItem } from './SettlementUpload.tsx';

const PAGE = 50;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 一站式结算导入: upload (医保 partner or county approver), the imports seen, an import's episodes. */
export default function SettlementImportsPage() {
  const t = useT();
  const [items, setItems] = useState<SettlementImportItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async (after: number | null) => {
    setLoading(true);
    setError(null);
    try {
      const r = await api<{ items: SettlementImportItem[]; next: number | null }>(`/medical/settlements?limit=${PAGE}${after ? `&after=${after}` : ''}`);
      setItems((prev) => (after ? [...prev, ...r.items] : r.items));
      setNext(r.next);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(null), [load]);

  const department = (d: string | null): string =>
    d === 'medical_security' ? t('medical.settlements.department.medical_security') : d === null ? t('medical.settlements.department.none') : '';

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('medical.settlements.title')}>
        <SettlementUpload onImported={() => void load(null)} />
      </Card>
      <Card title={t('medical.settlements.list')}>
        {error && <Alert type="error" showIcon message={t('medical.settlements.loadFailed', { message: error })} />}
        <Table<SettlementImportItem> size="small" rowKey="importNo" loading={loading} dataSource={items} pagination={false} data-testid="settlement-imports"
          locale={{ emptyText: t('medical.settlements.empty') }}
          onRow={(r) => ({ onClick: () => setOpen(r.importNo), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('medical.settlements.importNo'), dataIndex: 'importNo', render: (no: string) => <a onClick={() => setOpen(no)}>{no}</a> },
            { title: t('medical.settlements.county'), dataIndex: 'countyName' },
            { title: t('medical.settlements.file'), dataIndex: 'fileName' },
            { title: t('medical.settlements.rows'), dataIndex: 'rows', align: 'right' },
            { title: t('medical.settlements.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('medical.settlements.importedBy'), key: 'by', render: (_: unknown, r) => `${r.importedByName}${department(r.department) ? `（${department(r.department)}）` : ''}` },
            { title: t('medical.settlements.importedAt'), dataIndex: 'importedAt', render: (v: string) => when(v) },
          ]} />
        {next !== null && <Button style={{ marginTop: 12 }} loading={loading} onClick={() => void load(next)}>{t('medical.settlements.more')}</Button>}
      </Card>
      <SettlementEpisodes importNo={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
