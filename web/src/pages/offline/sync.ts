// Sending queued entries through the API. A failed connection leaves an entry waiting; a refusal keeps the
// server's message; a household changed on the server meanwhile becomes a conflict, never an overwrite.
import { ApiError } from '../../api/client.ts';
import type { NewHousehold } from '../registry/api.ts';
import { planEdit, resolvePlan, type Choice, type FieldName, type Fields } from './conflict.ts';
import type { Entry, HouseholdEntry, VisitEntry } from './entries.ts';

/** The API calls sync needs (given, so the logic runs in tests without a server). */
export interface SyncPort {
  createHousehold(input: NewHousehold): Promise<string>;
  updateHousehold(householdNo: string, patch: Fields, expected: Fields): Promise<void>;
  currentFields(householdNo: string): Promise<Fields>;
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

async function syncHousehold(entry: HouseholdEntry, port: SyncPort): Promise<HouseholdEntry> {
  try {
    const householdNo = await port.createHousehold(entry.input);
    const { error: _dropped, ...rest } = entry;
    return { ...rest, state: 'synced', householdNo };
  } catch (err) {
    return failed(entry, err);
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
  if (entry.state === 'conflict') return entry; // waits for the clerk's choice
  const first = planEdit(entry.base, entry.local, entry.base);
  return write(entry, entry.base, first.patch, first.expected, port);
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
  // The server's values as shown become the base: a further change there is a new conflict.
  const shown: Fields = { ...entry.base, ...Object.fromEntries(entry.plan.conflicts.map((c) => [c.field, c.server])), ...entry.plan.expected };
  const chosenLocal: Fields = { ...shown, ...resolved.patch };
  return write({ ...entry, local: chosenLocal }, shown, resolved.patch, resolved.expected, port);
}
