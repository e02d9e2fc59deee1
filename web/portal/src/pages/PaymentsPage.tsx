import { Card, Empty, Space, Typography } from 'antd';
import type { MyPayment } from '../api/types.ts';
import { useLoad } from '../api/useLoad.ts';
import { LoadState } from '../components/LoadState.tsx';
import { StatusTag, type Tone } from '../components/StatusTag.tsx';
import { useT } from '../i18n/context.ts';

const TONES: Record<MyPayment['status'], Tone> = { paid: 'good', failed: 'bad', sent: 'progress', approved: 'neutral' };

/** 我的救助金: each payment to the citizen's households, newest month first, with whether it was paid. */
export default function PaymentsPage() {
  const t = useT();
  const loaded = useLoad<{ items: MyPayment[] }>('/payments');
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('payments.title')}</Typography.Title>
      <LoadState loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? <Empty description={t('payments.empty')} /> : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="payments-list">
              {items.map((p, i) => (
                <Card key={i} size="small" title={<span style={{ whiteSpace: 'normal' }}>{p.purpose}</span>} extra={<StatusTag tone={TONES[p.status]}>{p.statusLabel}</StatusTag>}>
                  <Typography.Paragraph strong style={{ fontSize: '1.25em', marginBottom: 4 }}>{t('payments.amount', { amount: p.amountYuan })}</Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>
                    {t('payments.recipient', { name: p.recipientName })}
                    {p.paidTo && <><br />{t('payments.paidTo', { payee: p.paidTo })}</>}
                    {p.failureReason && <><br /><Typography.Text type="danger">{t('payments.failure', { reason: p.failureReason })}</Typography.Text></>}
                  </Typography.Paragraph>
                </Card>
              ))}
            </Space>
          )
        }
      </LoadState>
    </>
  );
}
