import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { fetchPublicNotice, publicNoticeDocxUrl, type PublicNoticeItem } from './batchApi.ts';
import { yuan } from './format.ts';

/** 公示名单 of a batch per village or township: name, household size and amount only. */
export function PublicNotice({ batchNo }: { batchNo: string }) {
  const t = useT();
  const all = useApiData(() => fetchPublicNotice(batchNo), [batchNo]);
  const [area, setArea] = useState<string>('');
  const list = useApiData(() => (area ? fetchPublicNotice(batchNo, area) : Promise.resolve(all.data ?? [])), [batchNo, area, all.data]);

  // The choices come from the whole list: each village, and each township (first 9 digits).
  const villages = new Map((all.data ?? []).map((i) => [i.villageCode, i.villageName]));
  const townships = [...new Set([...villages.keys()].map((v) => v.slice(0, 9)))];
  const options = [
    { value: '', label: t('cases.notice.all') },
    ...townships.map((code) => ({ value: code, label: t('cases.notice.township', { code }) })),
    ...[...villages].map(([code, name]) => ({ value: code, label: name })),
  ];

  return (
    <Card
      title={t('cases.notice.title')}
      extra={
        <Space>
          <span>{t('cases.notice.area')}</span>
          <Select value={area} onChange={setArea} options={options} style={{ minWidth: 200 }} data-testid="notice-area" />
          <Button icon={<FileWordOutlined />} href={publicNoticeDocxUrl(batchNo, area || undefined)} data-testid="notice-docx">
            {t('cases.notice.docx')}
          </Button>
        </Space>
      }
    >
      {(all.error ?? list.error) && <Alert type="error" showIcon message={t('common.loadFailed', { message: (all.error ?? list.error)?.message ?? '' })} />}
      <Table<PublicNoticeItem>
        data-testid="notice-table"
        rowKey={(i, n) => `${i.villageCode}-${i.name}-${n ?? 0}`}
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { key: 'village', title: t('cases.col.village'), dataIndex: 'villageName' },
          { key: 'name', title: t('cases.notice.name'), dataIndex: 'name' },
          { key: 'size', title: t('cases.notice.size'), dataIndex: 'householdSize' },
          { key: 'amount', title: t('cases.notice.amount'), render: (_, i) => (i.amountFen === null ? t('cases.dash') : yuan(i.amountFen)) },
          { key: 'status', title: t('cases.notice.status'), render: (_, i) => t(`cases.notice.status.${i.amountStatus}`) },
        ]}
      />
    </Card>
  );
}
