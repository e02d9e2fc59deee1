import crypto from 'node:crypto';
import { chinaDate } from '../clock.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The closed chain of the entries written before the log was partitioned (migration 0140). */
export const LEGACY_CHAIN = 'legacy';

/**
 * The chain a transaction's first entry opens or joins: its county (the prefecture for prefecture-level
 * entries, 'global' without an area) and its civil date in China, e.g. `522701/2026-12-07`.
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
