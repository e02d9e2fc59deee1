import { Alert, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/context.ts';
import { fieldLabel } from '../registry/timelineDiff.ts';
import { changedFields, type Choice, type FieldName } from './conflict.ts';
import type { Entry, EntryState, VisitEntry } from './entries.ts';
import { ConflictPanel } from './ConflictPanel.tsx';

const COLOURS: Record<EntryState, string> = { pending: 'processing', synced: 'success', conflict: 'warning', error: 'error' };

/** The entries on the device with their state; a conflicting visit shows its fields for the clerk to choose. */
export function QueueList({ entries, onResolve, onRemove }: {
  entries: Entry[];
  onResolve: (entry: VisitEntry, choices: Partial<Record<FieldName, Choice>>) => Promise<void>;
  /** Drops an entry the server refused (出错): it cannot be sent as it is. */
  onRemove: (entry: Entry) => Promise<void>;
}) {
  const t = useT();
  if (entries.length === 0) return <Empty description={t('offline.queue.empty')} />;
  return (
    <List
      dataSource={entries}
      data-testid="offline-queue"
      renderItem={(e) => (
        <List.Item key={e.id} data-testid="offline-entry">
          <Card size="small" style={{ width: '100%' }} title={
            <Space wrap>
              <Tag color={COLOURS[e.state]} data-testid="offline-entry-state">{t(`offline.state.${e.state}`)}</Tag>
              <span>{e.kind === 'household' ? t('offline.queue.household', { name: e.label }) : t('offline.queue.visit', { name: e.label, no: e.householdNo })}</span>
            </Space>
          }>
            <Space direction="vertical" style={{ width: '100%' }}>
              {e.kind === 'household' && e.householdNo && <Typography.Text>{t('offline.queue.created', { no: e.householdNo })}</Typography.Text>}
              {e.kind === 'visit' && changedFields(e.base, e.local).length > 0 && (
                <Typography.Text>{t('offline.queue.changes', { fields: changedFields(e.base, e.local).map((f) => fieldLabel(t, f)).join('、') })}</Typography.Text>
              )}
              {e.kind === 'visit' && e.findings && <Typography.Text type="secondary">{e.findings}</Typography.Text>}
              <Typography.Text type="secondary">
                {t('offline.queue.attachments', { photos: e.photos.length, signed: t(e.signature ? 'offline.queue.signed' : 'offline.queue.unsigned') })}
              </Typography.Text>
              {(e.photos.length > 0 || e.signature || (e.kind === 'visit' && e.findings)) && (
                <Typography.Text type="secondary" data-testid="offline-entry-visit">{t(e.visitSent ? 'offline.queue.visitSent' : 'offline.queue.visitWaiting')}</Typography.Text>
              )}
              {e.state === 'error' && e.error && <Alert type="error" showIcon message={e.error} data-testid="offline-entry-error" />}
              {e.state === 'error' && (
                <Popconfirm title={t('offline.queue.removeConfirm')} onConfirm={() => onRemove(e)}>
                  <Button size="small" danger>{t('offline.queue.remove')}</Button>
                </Popconfirm>
              )}
              {e.kind === 'visit' && e.state === 'conflict' && e.plan && <ConflictPanel conflicts={e.plan.conflicts} onResolve={(choices) => onResolve(e, choices)} />}
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
