import { Button, Space, Table, Tag } from 'antd';
import type { ClientView } from '../../../../src/modules/dci/contract.ts';
import { useLocale } from '../../i18n/context.ts';
import { useDciT } from './i18n.ts';
import { AttributeTags } from './AttributeTags.tsx';

interface Props {
  clients: ClientView[];
  loading: boolean;
  canManage: boolean;
  onOpen: (c: ClientView) => void;
  onRevoke: (c: ClientView) => void;
}

/** The connected systems in the user's scope: who, where, what it sees, its state and its use. */
export function ClientTable({ clients, loading, canManage, onOpen, onRevoke }: Props) {
  const t = useDciT();
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <Table<ClientView>
      data-testid="dci-clients"
      rowKey="clientId"
      size="middle"
      loading={loading}
      dataSource={clients}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('common.noData') }}
      columns={[
        { key: 'name', title: t('dci.col.name'), render: (_, c) => c.name },
        // The id the other system signs with: a code by nature.
        { key: 'clientId', title: t('dci.col.clientId'), render: (_, c) => <span data-code>{c.clientId}</span> },
        { key: 'areas', title: t('dci.col.areas'), render: (_, c) => c.areas.map((a) => a.name).join('、') },
        { key: 'attributes', title: t('dci.col.attributes'), render: (_, c) => <AttributeTags attributes={c.attributes} unmasked={c.unmasked} /> },
        { key: 'state', title: t('dci.col.state'), render: (_, c) => <Tag color={c.state === 'active' ? 'green' : 'default'}>{t(`dci.state.${c.state}`)}</Tag> },
        { key: 'createdAt', title: t('dci.col.createdAt'), render: (_, c) => time.format(new Date(c.createdAt)) },
        { key: 'lastQueryAt', title: t('dci.col.lastQueryAt'), render: (_, c) => (c.lastQueryAt ? time.format(new Date(c.lastQueryAt)) : t('dci.never')) },
        { key: 'queries30d', title: t('dci.col.queries30d'), align: 'right', render: (_, c) => c.queries30d },
        {
          key: 'actions',
          title: t('dci.col.actions'),
          render: (_, c) => (
            <Space>
              <Button size="small" onClick={() => onOpen(c)}>{t('dci.detail')}</Button>
              {canManage && c.state === 'active' && <Button size="small" danger onClick={() => onRevoke(c)}>{t('dci.revoke')}</Button>}
            </Space>
          ),
        },
      ]}
    />
  );
}
