import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import type { ClientView, SubscriptionView, TransactionView } from '../../../../src/modules/dci/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useLocale } from '../../i18n/context.ts';
import { useDciT } from './i18n.ts';
import { clientSubscriptions, clientTransactions } from './api.ts';
import { AttributeTags } from './AttributeTags.tsx';
import { actionKey, eventKey, recordKey } from './labels.ts';

const STATUS_COLOR = { rcvd: 'default', pdng: 'blue', succ: 'green', rjct: 'red' } as const;

/** One connected system: what it was granted, its keys and callbacks, its recent transactions and subscriptions. */
export function ClientDrawer({ client, onClose }: { client: ClientView | null; onClose: () => void }) {
  const t = useDciT();
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const id = client?.clientId ?? null;
  const txns = useApiData(() => (id ? clientTransactions(id) : Promise.resolve({ items: [] })), [id]);
  const subs = useApiData(() => (id ? clientSubscriptions(id) : Promise.resolve({ items: [] })), [id]);
  const none = t('dci.detail.none');
  const codes = (list: readonly string[]) => (list.length === 0 ? none : list.map((v) => <div key={v} data-code>{v}</div>));

  return (
    <Drawer open={client !== null} onClose={onClose} width={880} title={client ? t('dci.detail.title', { name: client.name }) : ''} destroyOnHidden>
      {client && (
        <>
          <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('dci.col.clientId')}><span data-code>{client.clientId}</span></Descriptions.Item>
            <Descriptions.Item label={t('dci.col.state')}>{t(`dci.state.${client.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('dci.col.areas')} span={2}>{client.areas.map((a) => a.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('dci.col.attributes')} span={2}><AttributeTags attributes={client.attributes} unmasked={client.unmasked} /></Descriptions.Item>
            <Descriptions.Item label={t('dci.detail.unmasked')} span={2}>{client.unmasked.length === 0 ? none : client.unmasked.map((a) => t(`dci.attr.${a}`)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('dci.detail.callbacks')} span={2}>{codes(client.callbackUrls)}</Descriptions.Item>
            <Descriptions.Item label={t('dci.detail.keys')} span={2}>{codes(client.keys.map((k) => k.thumbprint))}</Descriptions.Item>
            <Descriptions.Item label={t('dci.col.createdAt')}>{time.format(new Date(client.createdAt))}</Descriptions.Item>
            <Descriptions.Item label={t('dci.detail.revokedAt')}>{client.revokedAt ? time.format(new Date(client.revokedAt)) : none}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{t('dci.detail.transactions')}</Typography.Title>
          {txns.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: txns.error.message })} />}
          <Table<TransactionView>
            data-testid="dci-transactions"
            size="small"
            rowKey={(r) => `${r.at}-${r.transactionId}-${r.action}`}
            loading={txns.loading}
            dataSource={txns.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { key: 'at', title: t('dci.txn.at'), render: (_, r) => time.format(new Date(r.at)) },
              { key: 'action', title: t('dci.txn.action'), render: (_, r) => t(actionKey(r.action)) },
              { key: 'records', title: t('dci.txn.records'), align: 'right', render: (_, r) => r.records ?? '—' },
              { key: 'status', title: t('dci.txn.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`dci.status.${r.status}`)}</Tag> },
              { key: 'id', title: t('dci.txn.id'), render: (_, r) => <span data-code>{r.transactionId}</span> },
            ]}
          />

          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{t('dci.detail.subscriptions')}</Typography.Title>
          {subs.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: subs.error.message })} />}
          <Table<SubscriptionView>
            data-testid="dci-subscriptions"
            size="small"
            rowKey="code"
            loading={subs.loading}
            dataSource={subs.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { key: 'event', title: t('dci.sub.event'), render: (_, s) => t(eventKey(s.eventType)) },
              { key: 'record', title: t('dci.sub.record'), render: (_, s) => t(recordKey(s.recordType)) },
              { key: 'status', title: t('dci.sub.status'), render: (_, s) => <Tag color={s.status === 'subscribe' ? 'green' : 'default'}>{t(`dci.sub.${s.status}`)}</Tag> },
              { key: 'createdAt', title: t('dci.sub.createdAt'), render: (_, s) => time.format(new Date(s.createdAt)) },
              { key: 'callback', title: t('dci.sub.callback'), render: (_, s) => <span data-code>{s.callbackUrl}</span> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
