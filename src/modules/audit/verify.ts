// Verifying the audit chains (README.md): one pass over the log in id order keeps, per chain, the hash its
// next entry must point to; then every chain's end is checked against its head row.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chainHash, GENESIS_HASH, LEGACY_CHAIN } from '../../kernel/audit/hash.ts';
import { auditPage, chainHeads, type AuditRow } from './repo.ts';

export interface ChainBreak {
  chain: string;
  firstBrokenId: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Entries found intact. */
  checked: number;
  chains: number;
  /** The lowest-numbered broken entry over all chains, its chain and why. */
  firstBrokenId: number | null;
  chain: string | null;
  reason: string | null;
  /** The first broken entry of each broken chain, lowest id first. */
  broken: ChainBreak[];
}

interface ChainState {
  firstId: number;
  lastId: number;
  lastHash: string;
  broken: ChainBreak | null;
}

const PAGE = 2000;

/** Feeds entries in id order; remembers, per chain, where it has got to and its first break. */
class ChainWalk {
  readonly chains = new Map<string, ChainState>();
  checked = 0;

  feed(r: AuditRow): void {
    let s = this.chains.get(r.chain_key);
    if (!s) {
      s = { firstId: r.id, lastId: 0, lastHash: GENESIS_HASH, broken: null };
      this.chains.set(r.chain_key, s);
    }
    if (s.broken) return;
    const reason = this.fault(r, s.lastHash);
    if (reason) {
      s.broken = { chain: r.chain_key, firstBrokenId: r.id, reason };
      return;
    }
    s.lastId = r.id;
    s.lastHash = r.hash;
    this.checked++;
  }

  private fault(r: AuditRow, prevHash: string): string | null {
    const own = chainHash(r.prev_hash, {
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      areaCode: r.area_code,
      before: r.before ?? null,
      after: r.after ?? null,
      ...(r.chain_key === LEGACY_CHAIN ? {} : { chainKey: r.chain_key }),
    });
    if (own !== r.hash) return 'content does not match its hash (the entry was edited, or moved to another chain)';
    if (r.prev_hash !== prevHash) return 'prev_hash does not match the previous entry of its chain (an entry was removed, reordered or inserted before it)';
    return null;
  }
}

/**
 * Verifies every chain. Run it on one snapshot (PostgreSQL: a repeatable-read transaction); on PGlite, whose
 * transactions never interleave, entries committed after the pass are read when their chain's head is.
 */
export async function verifyChains(db: Kysely<DB>, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const walk = new ChainWalk();
  for (let afterId = -1; ; ) {
    const page = await auditPage(db, { afterId, limit: PAGE });
    if (page.length === 0) break;
    for (const r of page) walk.feed(r);
    afterId = page[page.length - 1]?.id ?? afterId;
    onProgress?.(walk.checked);
  }

  const heads = await chainHeads(db);
  const withHead = new Set<string>();
  for (const h of heads) {
    withHead.add(h.chain_key);
    let s = walk.chains.get(h.chain_key);
    // Entries of this chain committed after the pass went by (PGlite); none on a snapshot.
    for (let afterId = s?.lastId ?? 0; !s?.broken && (s?.lastId ?? 0) < h.last_id; ) {
      const page = await auditPage(db, { afterId, limit: PAGE, chainKey: h.chain_key, upTo: h.last_id });
      if (page.length === 0) break;
      for (const r of page) walk.feed(r);
      afterId = page[page.length - 1]?.id ?? afterId;
      s = walk.chains.get(h.chain_key);
    }
    if (!s) {
      s = { firstId: h.last_id, lastId: 0, lastHash: GENESIS_HASH, broken: null };
      walk.chains.set(h.chain_key, s);
    }
    if (s.broken) continue;
    if (s.lastId < h.last_id) {
      s.broken = { chain: h.chain_key, firstBrokenId: h.last_id, reason: `the chain's last entry ${h.last_id} (per its head) is missing: entries were removed from its end` };
    } else if (s.lastId > h.last_id) {
      const beyond = (await auditPage(db, { afterId: h.last_id, limit: 1, chainKey: h.chain_key }))[0];
      s.broken = { chain: h.chain_key, firstBrokenId: beyond?.id ?? s.lastId, reason: "the entry lies beyond its chain's head (added outside the audit writer, or the head was moved back)" };
    } else if (s.lastHash !== h.last_hash) {
      s.broken = { chain: h.chain_key, firstBrokenId: h.last_id, reason: "the chain's head does not match its last entry" };
    }
  }
  for (const [chain, s] of walk.chains) {
    if (!s.broken && !withHead.has(chain)) s.broken = { chain, firstBrokenId: s.firstId, reason: 'the chain has no head (its entries were added outside the audit writer, or its head was removed)' };
  }

  const broken = [...walk.chains.values()].flatMap((s) => (s.broken ? [s.broken] : [])).sort((a, b) => a.firstBrokenId - b.firstBrokenId);
  const first = broken[0];
  return { ok: !first, checked: walk.checked, chains: walk.chains.size, firstBrokenId: first?.firstBrokenId ?? null, chain: first?.chain ?? null, reason: first?.reason ?? null, broken };
}
