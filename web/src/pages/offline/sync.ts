// Sending queued entries through the API. A failed connection leaves an entry waiting; a refusal keeps the
// server's message; a household changed on the server meanwhile becomes a conflict, never an overwrite.
// An entry's findings, photos and signature go as a home visit (入户调查) before its fields: the visit changes
// no household field, so a conflict on the fields never holds it back (README.md, Sync).
import { ApiError } from '../../api/client.ts';
import type { NewHousehold } from '../registry/api.ts';
import type { VisitUpload } from '../registry/visitsApi.ts';
import { planEdit, resolvePlan, type Choice, type FieldName, type Fields } from './conflict.ts';
import type { Entry, HouseholdEntry, VisitEntry } from './entries.ts';

/** The API calls sync needs (given, so the logic runs in tests without a server). */
export interface SyncPort {
  createHousehold(input: NewHousehold): Promise<string>;
  updateHousehold(householdNo: string, patch: Fields, expected: Fields): Promise<void>;
  currentFields(householdNo: string): Promise<Fields>;
  /** `POST /households/:no/visits`: the same clientId sent again answers the visit stored first. */
  addVisit(householdNo: string, visit: VisitUpload): Promise<void>;
}

/** The findings of the visit that carries a new household's document photos and signature. */
export const NEW_HOUSEHOLD_FINDINGS = '新建家庭时采集的证件照片';
/** The findings of a visit that recorded photos or a signature only. */
export const EVIDENCE_ONLY_FINDINGS = '入户调查时采集的照片和签名';
const UNKNOWN_VISITORS = '未记录';

/** The date (Asia/Shanghai, YYYY-MM-DD) of an instant: China keeps UTC+8 all year. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const extension = (dataUrl: string) => (/^data:image\/png[;,]/.test(dataUrl) ? 'png' : /^data:application\/pdf[;,]/.test(dataUrl) ? 'pdf' : 'jpg');

/** The visit an entry sends (its id as the clientId), or null when it holds no findings, photos or signature. */
export function visitUpload(entry: Entry): VisitUpload | null {
  const findings = entry.kind === 'visit' ? entry.findings.trim() : '';
  if (findings === '' && entry.photos.length === 0 && !entry.signature) return null;
  return {
    clientId: entry.id,
    source: 'offline',
    visitedOn: chinaDate(entry.createdAt),
    visitors: entry.visitors?.trim() || UNKNOWN_VISITORS,
    findings: entry.kind === 'household' ? NEW_HOUSEHOLD_FINDINGS : findings || EVIDENCE_ONLY_FINDINGS,
    photos: entry.photos.map((content, i) => ({ name: `照片${i + 1}.${extension(content)}`, content })),
    ...(entry.signature ? { signature: entry.signature } : {}),
  };
}

/** Sends the entry's visit unless it went already; throws as the API does. */
async function sendVisit<E extends Entry>(entry: E, householdNo: string, port: SyncPort): Promise<E> {
  const upload = entry.visitSent ? null : visitUpload(entry);
  if (!upload) return entry;
  await port.addVisit(householdNo, upload);
  return { ...entry, visitSent: true };
}

/** The server's words for a refusal: its field messages, else its message; null when no answer came (offline). */
export function refusalText(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const fields = err.fields.map((f) => f.message);
  return fields.length > 0 ? [...new Set(fields)].join('；') : err.message;
}

const isChanged = (err: unknown) => err instanceof ApiError && err.status === 409 && err.code === 'household_changed';

function failed<E extends Entry>(entry: E, err: unknown): E {
  const text = refusalText(err);
  // No answer, or a fault of the server's own (5xx): the entry waits for the next sync.
  if (text === null || (err instanceof ApiError && err.status >= 500)) return { ...entry, state: 'pending' };
  return { ...entry, state: 'error', error: text };
}

/** The household created once (a retry keeps its number), then its document photos and signature as a visit. */
async function syncHousehold(entry: HouseholdEntry, port: SyncPort): Promise<HouseholdEntry> {
  let now = entry;
  try {
    const householdNo = now.householdNo ?? (await port.createHousehold(now.input));
    now = { ...now, householdNo };
    now = await sendVisit(now, householdNo, port);
    const { error: _dropped, ...rest } = now;
    return { ...rest, state: 'synced' };
  } catch (err) {
    return failed(now, err);
  }
}

/** Writes `patch` based on `expected`; on a change meanwhile, plans again against the server's values now. */
async function write(entry: VisitEntry, base: Fields, patch: Fields, expected: Fields, port: SyncPort): Promise<VisitEntry> {
  const { error: _e, plan: _p, ...rest } = entry;
  try {
    if (Object.keys(patch).length > 0) await port.updateHousehold(entry.householdNo, patch, expected);
    return { ...rest, state: 'synced' };
  } catch (err) {
    if (!isChanged(err)) return failed(entry, err);
  }
  try {
    const plan = planEdit(base, entry.local, await port.currentFields(entry.householdNo));
    if (plan.conflicts.length > 0) return { ...rest, state: 'conflict', plan };
    // Changed on the server, but not in the fields the clerk changed (or in the same way): write the rest.
    if (Object.keys(plan.patch).length > 0) await port.updateHousehold(entry.householdNo, plan.patch, plan.expected);
    return { ...rest, state: 'synced' };
  } catch (err) {
    return failed(entry, err);
  }
}

async function syncVisit(entry: VisitEntry, port: SyncPort): Promise<VisitEntry> {
  if (entry.state === 'conflict') return entry; // waits for the clerk's choice (its visit went before)
  let sent: VisitEntry;
  try {
    sent = await sendVisit(entry, entry.householdNo, port);
  } catch (err) {
    return failed(entry, err);
  }
  const first = planEdit(sent.base, sent.local, sent.base);
  return write(sent, sent.base, first.patch, first.expected, port);
}

/** One entry sent; entries synced, or refused (出错: they cannot be sent as they are), are left as they are. */
export async function syncEntry(entry: Entry, port: SyncPort): Promise<Entry> {
  if (entry.state === 'synced' || entry.state === 'error') return entry;
  return entry.kind === 'household' ? syncHousehold(entry, port) : syncVisit(entry, port);
}

/** The clerk's choices for a conflicting visit, written; a choice missing for any field changes nothing. */
export async function resolveVisit(entry: VisitEntry, choices: Partial<Record<FieldName, Choice>>, port: SyncPort): Promise<VisitEntry> {
  if (!entry.plan) return entry;
  const resolved = resolvePlan(entry.plan, choices);
  if ('missing' in resolved) return entry;
  let sent: VisitEntry;
  try {
    sent = await sendVisit(entry, entry.householdNo, port); // an entry kept from before visits were sent
  } catch (err) {
    return failed(entry, err);
  }
  // The server's values as shown become the base: a further change there is a new conflict.
  const shown: Fields = { ...entry.base, ...Object.fromEntries(entry.plan.conflicts.map((c) => [c.field, c.server])), ...entry.plan.expected };
  const chosenLocal: Fields = { ...shown, ...resolved.patch };
  return write({ ...sent, local: chosenLocal }, shown, resolved.patch, resolved.expected, port);
}
