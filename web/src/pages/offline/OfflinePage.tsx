import { CloudDownloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Result, Space, Tabs, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { OFFLINE_ROLES } from '../../layout/modules.tsx';
import { apiPort, downloadHouseholds } from './api.ts';
import type { Choice, FieldName } from './conflict.ts';
import type { CachedHousehold, Entry, VisitEntry } from './entries.ts';
import { NewHouseholdForm, type VillageOption } from './NewHouseholdForm.tsx';
import { QueueList } from './QueueList.tsx';
import { openDeviceStore, type DeviceStore } from './store.ts';
import { refusalText, resolveVisit, syncEntry } from './sync.ts';
import { useOnline } from './useOnline.ts';
import { VisitForm } from './VisitForm.tsx';

export default function OfflinePage() {
  const t = useT();
  const user = useCurrentUser();
  const online = useOnline();
  const [toast, toastHolder] = message.useMessage();
  const [store, setStore] = useState<DeviceStore | undefined>();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [households, setHouseholds] = useState<CachedHousehold[]>([]);
  const [busy, setBusy] = useState<'download' | 'sync' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tab, setTab] = useState('household');
  const syncing = useRef(false);
  const allowed = OFFLINE_ROLES.includes(user.role);

  useEffect(() => {
    if (!allowed) return undefined;
    let live = true;
    let opened: DeviceStore | undefined;
    void openDeviceStore(user.username).then(async (s) => {
      opened = s;
      if (!live) return;
      setStore(s);
      setEntries(await s.entries());
      setHouseholds(await s.households());
    });
    return () => {
      live = false;
      opened?.close();
    };
  }, [allowed, user.username]);

  const syncAll = useCallback(async () => {
    if (!store || syncing.current || !navigator.onLine) return;
    syncing.current = true;
    setBusy('sync');
    try {
      for (const entry of await store.entries()) {
        if (entry.state !== 'pending') continue;
        await store.saveEntry(await syncEntry(entry, apiPort));
      }
      const now = await store.entries();
      setEntries(now);
      const count = (s: Entry['state']) => now.filter((e) => e.state === s).length;
      void toast.info(t('offline.syncDone', { synced: count('synced'), conflict: count('conflict'), error: count('error'), pending: count('pending') }));
    } finally {
      syncing.current = false;
      setBusy(null);
    }
  }, [store, t, toast]);

  // Coming back online sends what waits.
  useEffect(() => {
    if (online) void syncAll();
  }, [online, syncAll]);

  const save = async (entry: Entry) => {
    if (!store) return;
    await store.saveEntry({ ...entry, visitors: user.displayName });
    setEntries(await store.entries());
    void toast.success(t('offline.saved'));
    if (navigator.onLine) void syncAll();
  };

  const download = async () => {
    if (!store) return;
    setBusy('download');
    setProblem(null);
    try {
      const list = await downloadHouseholds(user.areaCode);
      await store.replaceHouseholds(list);
      setHouseholds(list);
    } catch (err) {
      setProblem(t('offline.downloadFailed', { message: refusalText(err) ?? t('offline.status.offline') }));
    } finally {
      setBusy(null);
    }
  };

  const resolve = async (entry: VisitEntry, choices: Partial<Record<FieldName, Choice>>) => {
    if (!store) return;
    await store.saveEntry(await resolveVisit(entry, choices, apiPort));
    setEntries(await store.entries());
  };

  const remove = async (entry: Entry) => {
    if (!store) return;
    await store.deleteEntry(entry.id);
    setEntries(await store.entries());
  };

  const villages = useMemo<VillageOption[]>(() => {
    if (user.areaLevel === 'village') return [{ code: user.areaCode, name: user.areaName }];
    const seen = new Map(households.map((h) => [h.villageCode, h.villageName]));
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [households, user]);

  if (!allowed) return <Result status="info" title={t('offline.notForRole')} />;
  const waiting = entries.filter((e) => e.state !== 'synced').length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="offline-page">
      {toastHolder}
      <Card
        title={t('offline.title')}
        extra={<Tag color={online ? 'green' : 'default'} data-testid="offline-status">{t(online ? 'offline.status.online' : 'offline.status.offline')}</Tag>}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('offline.intro')}</Typography.Paragraph>
          <Space wrap>
            <Button icon={<CloudDownloadOutlined />} onClick={() => void download()} loading={busy === 'download'} disabled={!online || !store} data-testid="offline-download">
              {t('offline.download')}
            </Button>
            <Button type="primary" icon={<SyncOutlined />} onClick={() => void syncAll()} loading={busy === 'sync'} disabled={!online || !store} data-testid="offline-sync">
              {t('offline.syncNow')}
            </Button>
            {!online && <Typography.Text type="secondary">{t('offline.syncOffline')}</Typography.Text>}
          </Space>
          <Typography.Text data-testid="offline-downloaded">
            {households.length > 0 ? t('offline.downloaded', { count: households.length }) : t('offline.downloadedNone')}
          </Typography.Text>
          {problem && <Alert type="error" showIcon message={problem} />}
        </Space>
      </Card>
      {store && (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            // Small, close tabs: at a phone's 360 px the three fit, with no overflow menu (whose button antd puts
            // inside the tablist, invalid ARIA).
            size="small"
            tabBarGutter={16}
            items={[
              { key: 'household', label: t('offline.tab.household'), children: <NewHouseholdForm villages={villages} onSave={save} /> },
              { key: 'visit', label: t('offline.tab.visit'), children: <VisitForm households={households} onSave={save} /> },
              { key: 'queue', label: <Badge count={waiting} size="small" offset={[8, 0]}>{t('offline.tab.queue', { count: entries.length })}</Badge>, children: <QueueList entries={entries} onResolve={resolve} onRemove={remove} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
