// A SearchRequest answered as a SearchResponse: each search_request item is read, checked (reference, timestamp,
// criteria, pagination, sort, the attributes the client may use) and run inside the client's areas; an item at
// fault is answered `rjct` with the spec's reason code, the others `succ`. Out of the client's areas is as absent.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { clock } from '../../../kernel/clock.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { LOCALE, locale, timestamp } from '../schemas.ts';
import * as repo from '../repo/search.ts';
import type { DciClient } from './clients.ts';
import { attributesUsed, parseQuery, QueryError } from './query.ts';
import { groupRecord, memberRecord, type JsonRecord, type View } from './records.ts';
import { chinaTimestamp } from '../time.ts';

export const MAX_PAGE_SIZE = 1000;
/** Purpose codes that make a search a 核对 (household means-test verification): it needs the household's 授权书. */
export const VERIFICATION_PURPOSES: ReadonlySet<string> = new Set(['verification', 'hedui', '核对']);
export const REG_TYPE = 'ns:org:RegistryType:Social';

export const searchRequestSchema = z.looseObject({
  transaction_id: z.string().min(1).max(99),
  search_request: z.array(z.unknown()).min(1).max(100),
});

const item = z.looseObject({
  reference_id: z.string().min(1).max(99),
  timestamp: z.unknown(),
  search_criteria: z.unknown(),
  locale: z.unknown().optional(),
});

type ReasonCode = 'rjct.reference_id.invalid' | 'rjct.reference_id.duplicate' | 'rjct.timestamp.invalid' | 'rjct.search_criteria.invalid' | 'rjct.sort.invalid' | 'rjct.pagination.invalid' | 'rjct.search.too_many_records_found';

class Rejected extends Error {
  constructor(readonly code: ReasonCode, message: string) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function purposeCode(criteria: Record<string, unknown>): string | null {
  for (const k of ['authorize', 'consent']) {
    const p = isObject(criteria[k]) ? (criteria[k] as Record<string, unknown>).purpose : undefined;
    if (isObject(p) && typeof p.code === 'string') return p.code;
  }
  return null;
}

function pagination(v: unknown): { size: number; number: number } {
  if (v === undefined) return { size: 100, number: 1 };
  if (!isObject(v)) throw new Rejected('rjct.pagination.invalid', 'pagination: 应为 {page_size, page_number}');
  const size = v.page_size;
  const number = v.page_number ?? 1;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new Rejected('rjct.pagination.invalid', `pagination.page_size: 应为 1–${MAX_PAGE_SIZE} 的整数`);
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 1_000_000) throw new Rejected('rjct.pagination.invalid', 'pagination.page_number: 应为从 1 起的整数');
  return { size, number };
}

function sortOf(v: unknown, entity: repo.Entity): repo.SearchSpec['sort'] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 3) throw new Rejected('rjct.sort.invalid', 'sort: 应为至多 3 项的数组');
  return v.map((s, i) => {
    const keys: string[] = entity === 'Member' ? ['household_no', 'area', 'age'] : ['household_no', 'area'];
    if (!isObject(s) || typeof s.attribute_name !== 'string' || !keys.includes(s.attribute_name)) throw new Rejected('rjct.sort.invalid', `sort.${i}.attribute_name: 应为 ${keys.join('、')}`);
    if (s.sort_order !== undefined && s.sort_order !== 'asc' && s.sort_order !== 'desc') throw new Rejected('rjct.sort.invalid', `sort.${i}.sort_order: 应为 asc 或 desc`);
    return { key: s.attribute_name as repo.SortKey, desc: s.sort_order === 'desc' };
  });
}

function entityOf(criteria: Record<string, unknown>): repo.Entity {
  const v = criteria.response_entity ?? criteria.reg_record_type ?? 'Group';
  if (v === 'Group' || v === 'Member') return v;
  throw new Rejected('rjct.search_criteria.invalid', 'search_criteria.reg_record_type: 应为 Group（家庭）或 Member（成员）');
}

export interface SearchOutcome {
  message: JsonRecord;
  /** What the audit log keeps of it (no personal data beyond the query's own identifiers). */
  audit: { referenceId: string; status: string; queryType: string | null; entity: string | null; purpose: string | null; total: number; returned: number }[];
}

async function one(db: Database, client: DciClient, raw: unknown, seen: Set<string>): Promise<{ response: JsonRecord; audit: SearchOutcome['audit'][number] }> {
  const now = chinaTimestamp(clock().now());
  const parsed = item.safeParse(raw);
  const referenceId = isObject(raw) && typeof raw.reference_id === 'string' ? raw.reference_id.slice(0, 99) : '';
  const audit = { referenceId, status: 'rjct', queryType: null as string | null, entity: null as string | null, purpose: null as string | null, total: 0, returned: 0 };
  const reject = (code: ReasonCode, message: string) => ({ response: { reference_id: referenceId, timestamp: now, status: 'rjct', status_reason_code: code, status_reason_message: message.slice(0, 999), locale: LOCALE }, audit });
  if (!parsed.success) return reject('rjct.reference_id.invalid', 'reference_id: 应为 1–99 个字符');
  if (seen.has(referenceId)) return reject('rjct.reference_id.duplicate', `reference_id: ${referenceId} 在本报文中重复`);
  seen.add(referenceId);
  if (!timestamp.safeParse(parsed.data.timestamp).success) return reject('rjct.timestamp.invalid', 'timestamp: 应为带时区的 RFC 3339 时间');
  if (parsed.data.locale !== undefined && !locale.safeParse(parsed.data.locale).success) return reject('rjct.search_criteria.invalid', 'locale: 应为 ISO 639-3 语言代码（如 zho）');
  const criteria = parsed.data.search_criteria;
  try {
    if (!isObject(criteria)) throw new Rejected('rjct.search_criteria.invalid', 'search_criteria: 应为对象');
    const queryType = typeof criteria.query_type === 'string' ? criteria.query_type : '';
    audit.queryType = queryType;
    const entity = entityOf(criteria);
    audit.entity = entity;
    let condition;
    try {
      condition = parseQuery(queryType, criteria.query);
    } catch (e) {
      if (e instanceof QueryError) throw new Rejected('rjct.search_criteria.invalid', e.message);
      throw e;
    }
    const denied = [...attributesUsed(condition)].filter((a) => !client.attributes.includes(a));
    if (denied.length > 0) throw new Rejected('rjct.search_criteria.invalid', `无权按这些属性查询：${denied.join('、')}`);
    const page = pagination(criteria.pagination);
    const sort = sortOf(criteria.sort, entity);
    const purpose = purposeCode(criteria);
    audit.purpose = purpose;
    const needsAuthorisation = purpose !== null && VERIFICATION_PURPOSES.has(purpose);
    const today = clock().today();
    const found = await repo.searchKeys(db.kysely, { entity, condition, areaCodes: client.areaCodes, needsAuthorisation, today, sort, limit: page.size, offset: (page.number - 1) * page.size });
    const households = await repo.householdsOf(db.kysely, found.keys);
    const view: View = { attributes: new Set(client.attributes), unmasked: new Set(client.unmasked), today };
    const records = found.keys.flatMap((k) => {
      const h = households.find((x) => x.county_code === k.county_code && x.id === k.household_id);
      if (!h) return [];
      if (entity === 'Group') return [groupRecord(h, view)];
      const m = h.members.find((x) => x.id === k.member_id);
      return m ? [memberRecord(m, h, view)] : [];
    });
    audit.status = 'succ';
    audit.total = found.total;
    audit.returned = records.length;
    const response: JsonRecord = {
      reference_id: referenceId,
      timestamp: now,
      status: 'succ',
      data: { version: '1.0.0', reg_type: REG_TYPE, reg_record_type: entity, reg_records: records },
      pagination: { page_size: page.size, page_number: page.number, total_count: found.total },
      locale: LOCALE,
    };
    if (needsAuthorisation) response.status_reason_message = '核对查询：只返回已签署核对授权书的家庭';
    return { response, audit };
  } catch (e) {
    if (e instanceof Rejected) return reject(e.code, e.message);
    throw e;
  }
}

/** Answers a SearchRequest message (already checked to be one by `searchRequestSchema`). */
export async function search(db: Database, client: DciClient, message: unknown, correlationId: string): Promise<SearchOutcome> {
  const m = parseOrThrow(searchRequestSchema, message, 'message');
  const seen = new Set<string>();
  const results = [];
  for (const raw of m.search_request) results.push(await one(db, client, raw, seen));
  return {
    message: { transaction_id: m.transaction_id, correlation_id: correlationId, search_response: results.map((r) => r.response) },
    audit: results.map((r) => r.audit),
  };
}
