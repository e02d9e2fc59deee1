import { Alert, Card, Checkbox, Popconfirm, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchPaymentFiles, paymentFileUrl, type FileKind, type PaymentFileItem } from './api.ts';
import { formatYuan } from './format.ts';

const KIND_COLORS: Record<FileKind, string> = { bank: 'blue', cash: 'orange', payee: 'purple' };

/**
 * 发放文件: a bank file per paying bank, the cash list (signed for on receipt) and a file per payee
 * (insurer, institution); .xlsx or CSV, masked unless the user may and asks to unmask.
 */
export function PaymentFiles({ payrollNo, onExported }: { payrollNo: string; onExported: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [unmask, setUnmask] = useState(false);
  const files = useApiData(() => fetchPaymentFiles(payrollNo), [payrollNo]);
  // The download is a plain link (the browser saves the file); the payroll's status changes on the server.
  const downloaded = () => window.setTimeout(onExported, 1500);
  const items = files.data?.items ?? [];
  // test ids count within a kind: bank-file-csv-0 is the first bank's file, cash-file-csv-0 the cash list
  const nth = (f: PaymentFileItem) => items.filter((x) => x.kind === f.kind).indexOf(f);
  /**
   * A download link; unmasked, it asks first (the file holds full names, ID numbers and accounts, and the
   * export is audited), then saves the file as the plain link would.
   */
  const link = (f: PaymentFileItem, format: 'xlsx' | 'csv', text: ReactNode) => {
    const href = paymentFileUrl(payrollNo, f.kind, f.key, format, unmask);
    const testId = `${f.kind}-file-${format}-${nth(f)}`;
    if (!unmask) return <a href={href} download onClick={downloaded} data-testid={testId}>{text}</a>;
    const save = () => {
      const a = document.createElement('a');
      a.href = href;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
      downloaded();
    };
    return (
      <Popconfirm
        title={t('payroll.export.unmaskTitle')}
        description={<div style={{ maxWidth: 360 }} data-testid="payroll-unmask-confirm">{t('payroll.export.unmaskConfirm', { file: `${t(`payroll.fileKind.${f.kind}`)}「${f.label}」`, lines: f.lines, amount: formatYuan(f.netFen) })}</div>}
        okText={t('payroll.export.unmaskOk')}
        onConfirm={save}
      >
        <a href={href} onClick={(e) => e.preventDefault()} data-testid={testId}>{text}</a>
      </Popconfirm>
    );
  };
  return (
    <Card title={t('payroll.export.title')} size="small" data-testid="payroll-files" extra={can(me, 'payroll.unmask') && <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} data-testid="payroll-unmask">{t('payroll.export.unmask')}</Checkbox>}>
      {files.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: files.error.message })} />}
      <Table<PaymentFileItem> size="small" rowKey={(f) => `${f.kind}:${f.key}`} pagination={false} loading={files.loading} dataSource={items} footer={() => t('payroll.export.hint')}
        columns={[
          { key: 'kind', title: t('payroll.col.fileKind'), render: (_, f) => <Tag color={KIND_COLORS[f.kind]}>{t(`payroll.fileKind.${f.kind}`)}</Tag> },
          { key: 'label', title: t('payroll.col.file'), dataIndex: 'label' },
          { key: 'lines', title: t('payroll.col.lines'), dataIndex: 'lines', align: 'right' },
          { key: 'net', title: t('payroll.col.net'), align: 'right', render: (_, f) => formatYuan(f.netFen) },
          {
            key: 'download', title: '', render: (_, f) => (
              <Space>
                {link(f, 'xlsx', t('payroll.export.xlsx'))}
                {link(f, 'csv', t('payroll.export.csv'))}
              </Space>
            ),
          },
        ]} />
    </Card>
  );
}
