import { Alert, Button, Drawer, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import type { SettledEpisode, SettlementImportDetail } from './SettlementUpload.tsx';

const PAGE = 100;

/** The episodes of one import, paged, in a drawer (ID numbers come masked). */
export function SettlementEpisodes({ importNo, onClose }: { importNo: string | null; onClose: () => void }) {
  const t = useT();
  const [items, setItems] = useState<SettledEpisode[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (no: string, after: number | null) => {
    setLoading(true);
    setError(null);
    try {
      const d = await api<SettlementImportDetail>(`/medical/settlements/${encodeURIComponent(no)}?limit=${PAGE}${after ? `&after=${after}` : ''}`);
      setItems((prev) => (after ? [...prev, ...d.episodes.items] : d.episodes.items));
      setNext(d.episodes.next);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setItems([]);
    setNext(null);
    if (importNo) void load(importNo, null);
  }, [importNo, load]);

  return (
    <Drawer open={importNo !== null} onClose={onClose} width="90%" title={`${t('medical.settlements.episodes')} ${importNo ?? ''}`} data-testid="settlement-episodes">
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon message={t('medical.settlements.loadFailed', { message: error })} />}
        <Table<SettledEpisode> size="small" rowKey="id" loading={loading} dataSource={items} pagination={false} scroll={{ x: 1400 }}
          columns={[
            { title: t('medical.settlements.row'), dataIndex: 'rowNo', width: 70 },
            { title: t('medical.settlements.name'), dataIndex: 'name', width: 90 },
            { title: t('medical.settlements.idNumber'), dataIndex: 'idNumber', width: 180 },
            { title: t('medical.settlements.group'), dataIndex: 'groupLabel', width: 130 },
            { title: t('medical.settlements.area'), dataIndex: 'areaName', width: 180 },
            { title: t('medical.settlements.hospital'), dataIndex: 'hospital', width: 180 },
            { title: t('medical.settlements.kind'), dataIndex: 'kindLabel', width: 80 },
            { title: t('medical.settlements.critical'), dataIndex: 'critical', width: 90, render: (v: boolean) => t(v ? 'medical.settlements.yes' : 'medical.settlements.no') },
            { title: t('medical.settlements.admittedOn'), dataIndex: 'admittedOn', width: 120 },
            { title: t('medical.settlements.dischargedOn'), dataIndex: 'dischargedOn', width: 120 },
            { title: t('medical.settlements.totalCost'), dataIndex: 'totalCostFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('medical.settlements.selfPay'), dataIndex: 'eligibleSelfPayFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('medical.settlements.assistance'), dataIndex: 'assistanceFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('medical.settlements.tilt'), dataIndex: 'tiltFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
          ]} />
        {next !== null && importNo && <Button loading={loading} onClick={() => void load(importNo, next)}>{t('medical.settlements.more')}</Button>}
      </Space>
    </Drawer>
  );
}
