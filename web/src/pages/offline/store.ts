// The encrypted device store: every entry and downloaded household sealed with the device key of the
// signed-in user. Another user signing in on the device starts from an empty store.
import { newDeviceKey, seal, unseal, type Sealed } from './crypto.ts';
import type { CachedHousehold, Entry } from './entries.ts';
import { clearStore, deleteDb, deleteValue, getAll, getValue, openDb, putValue } from './idb.ts';

interface KeyRecord {
  username: string;
  key: CryptoKey;
}

export interface DeviceStore {
  entries(): Promise<Entry[]>;
  saveEntry(entry: Entry): Promise<void>;
  deleteEntry(id: string): Promise<void>;
  households(): Promise<CachedHousehold[]>;
  replaceHouseholds(list: CachedHousehold[]): Promise<void>;
  close(): void;
}

let open: IDBDatabase | undefined;

export async function openDeviceStore(username: string): Promise<DeviceStore> {
  let db = await openDb();
  let record = await getValue<KeyRecord>(db, 'keys', 'device');
  if (record && record.username !== username) {
    db.close();
    await deleteDb();
    db = await openDb();
    record = undefined;
  }
  if (!record) {
    record = { username, key: await newDeviceKey() };
    await putValue(db, 'keys', 'device', record);
  }
  open = db;
  const key = record.key;
  const readAll = async <T>(store: 'entries' | 'households') => Promise.all((await getAll<Sealed>(db, store)).map((s) => unseal<T>(key, s)));
  return {
    entries: async () => (await readAll<Entry>('entries')).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    saveEntry: async (entry) => putValue(db, 'entries', entry.id, await seal(key, entry)),
    deleteEntry: (id) => deleteValue(db, 'entries', id),
    households: () => readAll<CachedHousehold>('households'),
    async replaceHouseholds(list) {
      const sealed = await Promise.all(list.map(async (h) => [h.householdNo, await seal(key, h)] as const));
      await clearStore(db, 'households');
      for (const [no, s] of sealed) await putValue(db, 'households', no, s);
    },
    close: () => db.close(),
  };
}

/** Sign-out: the device keeps nothing of the offline app (entries, households, the key). */
export async function wipeDeviceStore(): Promise<void> {
  open?.close();
  open = undefined;
  await deleteDb();
}
