import { Alert, Card, Checkbox, Space, Table } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { bankFileUrl, fetchBankFiles, type BankFileItem } from './api.ts';
import { formatYuan } from './format.ts';

/** 代发文件: one file per paying bank, .xlsx or CSV, masked unless the user may and asks to unmask. */
export function BankFiles({ payrollNo, onExported }: { payrollNo: string; onExported: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [unmask, setUnmask] = useState(false);
  const files = useApiData(() => fetchBankFiles(payrollNo), [payrollNo]);
  // The download is a plain link (the browser saves the file); the payroll's status changes on the server.
  const downloaded = () => window.setTimeout(onExported, 1500);
  return (
    <Card title={t('payroll.export.title')} size="small" data-testid="payroll-bank-files" extra={can(me, 'payroll.unmask') && <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} data-testid="payroll-unmask">{t('payroll.export.unmask')}</Checkbox>}>
      {files.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: files.error.message })} />}
      <Table<BankFileItem> size="small" rowKey="bank" pagination={false} loading={files.loading} dataSource={files.data?.items ?? []} footer={() => t('payroll.export.hint')}
        columns={[
          { key: 'bank', title: t('payroll.col.bank'), dataIndex: 'bankLabel' },
          { key: 'lines', title: t('payroll.col.lines'), dataIndex: 'lines', align: 'right' },
          { key: 'net', title: t('payroll.col.net'), align: 'right', render: (_, b) => formatYuan(b.netFen) },
          {
            key: 'download', title: '', render: (_, b, i) => (
              <Space>
                <a href={bankFileUrl(payrollNo, b.bank, 'xlsx', unmask)} download onClick={downloaded} data-testid={`bank-file-xlsx-${i}`}>{t('payroll.export.xlsx')}</a>
                <a href={bankFileUrl(payrollNo, b.bank, 'csv', unmask)} download onClick={downloaded} data-testid={`bank-file-csv-${i}`}>{t('payroll.export.csv')}</a>
              </Space>
            ),
          },
        ]} />
    </Card>
  );
}
