// The one wrapper over the raw IndexedDB API: a database of three stores — the device key, the queued
// entries and the downloaded households (both sealed) — deleted whole on sign-out.
const DB_NAME = 'jiuzhu-offline';
export type StoreName = 'keys' | 'entries' | 'households';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    for (const store of ['keys', 'entries', 'households'] satisfies StoreName[]) req.result.createObjectStore(store);
  };
  return request(req).then((db) => {
    // Another tab deleting the database (a sign-out there) is not held up by this connection.
    db.onversionchange = () => db.close();
    return db;
  });
}

export async function getValue<T>(db: IDBDatabase, store: StoreName, key: string): Promise<T | undefined> {
  return (await request(db.transaction(store).objectStore(store).get(key))) as T | undefined;
}

export async function getAll<T>(db: IDBDatabase, store: StoreName): Promise<T[]> {
  return (await request(db.transaction(store).objectStore(store).getAll())) as T[];
}

export async function putValue(db: IDBDatabase, store: StoreName, key: string, value: unknown): Promise<void> {
  await request(db.transaction(store, 'readwrite').objectStore(store).put(value, key));
}

export async function deleteValue(db: IDBDatabase, store: StoreName, key: string): Promise<void> {
  await request(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}

export async function clearStore(db: IDBDatabase, store: StoreName): Promise<void> {
  await request(db.transaction(store, 'readwrite').objectStore(store).clear());
}

/** Deletes everything the offline app kept on this device. */
export function deleteDb(): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    // A blocked delete completes once the open connections close (each page closes its own on sign-out).
    req.onsuccess = req.onerror = () => resolve();
  });
}
