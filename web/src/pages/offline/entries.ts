// What the offline app queues: a new household, or a home visit's findings on a household downloaded
// for offline use. Photos and the signature travel with the entry (data URLs), encrypted like the rest.
import type { NewHousehold } from '../registry/api.ts';
import type { EditPlan, Fields } from './conflict.ts';

export type EntryState = 'pending' | 'synced' | 'conflict' | 'error';

interface EntryCommon {
  id: string;
  createdAt: string;
  state: EntryState;
  /** The server's message when it refused the entry (Chinese, naming the field). */
  error?: string;
  photos: string[];
  signature: string | null;
  /** Who visited: the signed-in user's name when the entry was saved. */
  visitors?: string;
  /** The findings, photos and signature are on the server (`POST /households/:no/visits`, clientId = id). */
  visitSent?: boolean;
}

export interface HouseholdEntry extends EntryCommon {
  kind: 'household';
  input: NewHousehold;
  /** The head's name, to tell the entries apart. */
  label: string;
  householdNo?: string;
}

export interface VisitEntry extends EntryCommon {
  kind: 'visit';
  householdNo: string;
  label: string;
  /** The household's values when downloaded: what the clerk saw. */
  base: Fields;
  /** The values the clerk recorded at the visit. */
  local: Fields;
  findings: string;
  /** Set when the server's values moved meanwhile: the fields waiting for the clerk's choice. */
  plan?: EditPlan;
}

export type Entry = HouseholdEntry | VisitEntry;

/** A household downloaded for offline use. */
export interface CachedHousehold {
  householdNo: string;
  villageCode: string;
  villageName: string;
  headName: string | null;
  fields: Fields;
}

export function newEntryId(): string {
  return crypto.randomUUID();
}
