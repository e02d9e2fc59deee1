import crypto from 'node:crypto';
import { chinaDate } from '../clock.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The closed chain of the entries written before the log was partitioned (migration 0140). */
export const LEGACY_CHAIN = 'legacy';

/**
 * A county-day's chains: writers of one county on different connections append to different stripes, so that one
 * busy county's writes do not all queue on one head row (PostgreSQL, the api bench: of 6 active backends creating
 * households in one county, 5 waited on the head's lock). PGlite has one connection, hence one stripe.
 */
export const AUDIT_STRIPES = 4;

/**
 * The county-day a transaction's first entry belongs to: its county (the prefecture for prefecture-level
 * entries, 'global' without an area) and its civil date in China, e.g. `522701/2026-12-07`. The chain is one of
 * the county-day's AUDIT_STRIPES stripes (`522701/2026-12-07/3`), picked by the writer's connection (appendAudit).
 */
export function chainKeyOf(areaCode: string | null, at: Date): string {
  const partition = areaCode !== null && /^\d{6}/.test(areaCode) ? areaCode.slice(0, 6) : 'global';
  return `${partition}/${chinaDate(at)}`;
}

/** JSON with keys sorted at every depth, so jsonb's reordering does not change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  areaCode: string | null;
  before: unknown;
  after: unknown;
  /** Hashed for every entry since migration 0140, so moving an entry to another chain shows; absent in the legacy chain. */
  chainKey?: string;
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  return crypto
    .createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...row, at: row.at.toISOString() }))
    .digest('hex');
}
