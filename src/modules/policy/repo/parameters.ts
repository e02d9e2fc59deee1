// The only SQL on the parameter tables: definitions, dated values, marking values used.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ParameterRow, ParameterValue, RuleSet, Unit } from '../../../policy/index.ts';

export type StoredValue = {
  id: number;
  name: string;
  area: string;
  ruleSet: RuleSet | null;
  effective: string;
  value: ParameterRow['value'];
  valueReference: string | null;
  origin: 'file' | 'api';
  createdBy: string;
  createdAt: string;
  usedAt: string | null;
};

export type Definition = { name: string; description: string; unit: Unit; reference: string };

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function listDefinitions(db: Kysely<DB>): Promise<Definition[]> {
  const rows = await db.selectFrom('policy_parameters').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ ...r, unit: r.unit as Unit }));
}

export async function findDefinition(db: Kysely<DB>, name: string): Promise<Definition | undefined> {
  const r = await db.selectFrom('policy_parameters').selectAll().where('name', '=', name).executeTakeFirst();
  return r && { ...r, unit: r.unit as Unit };
}

export async function listValues(db: Kysely<DB>, name?: string): Promise<StoredValue[]> {
  let q = db.selectFrom('policy_values').selectAll();
  if (name !== undefined) q = q.where('name', '=', name);
  const rows = await q.orderBy('name').orderBy('area').orderBy('effective').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    area: r.area,
    ruleSet: r.rule_set as RuleSet | null,
    effective: r.effective,
    value: r.value as ParameterRow['value'],
    valueReference: r.value_reference,
    origin: r.origin,
    createdBy: r.created_by,
    createdAt: iso(r.created_at) ?? '',
    usedAt: iso(r.used_at),
  }));
}

export async function upsertDefinitions(tx: Kysely<DB>, defs: readonly Definition[]): Promise<void> {
  if (defs.length === 0) return;
  await tx
    .insertInto('policy_parameters')
    .values(defs.map((d) => ({ name: d.name, description: d.description, unit: d.unit, reference: d.reference })))
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({
      description: eb.ref('excluded.description'),
      unit: eb.ref('excluded.unit'),
      reference: eb.ref('excluded.reference'),
    })))
    .execute();
}

export type NewValue = Omit<StoredValue, 'id' | 'createdAt' | 'usedAt'>;

export async function insertValues(tx: Kysely<DB>, values: readonly NewValue[]): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await tx
    .insertInto('policy_values')
    .values(values.map((v) => ({
      name: v.name,
      area: v.area,
      rule_set: v.ruleSet,
      effective: v.effective,
      value: JSON.stringify(v.value),
      value_reference: v.valueReference,
      origin: v.origin,
      created_by: v.createdBy,
    })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updateValue(tx: Kysely<DB>, id: number, v: { effective: string; value: ParameterRow['value']; valueReference: string | null }): Promise<void> {
  await tx
    .updateTable('policy_values')
    .set({ effective: v.effective, value: JSON.stringify(v.value), value_reference: v.valueReference })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .execute();
}

/**
 * Marks the values a payment or decision relied on as used (from then on they can only be
 * superseded). Call inside the transaction that records the payment or decision.
 */
export async function markParametersUsed(tx: Kysely<DB>, values: readonly Pick<ParameterValue, 'name' | 'area' | 'ruleSet' | 'effective'>[]): Promise<number> {
  const keys = [...new Map(values.map((v) => [`${v.name}|${v.area}|${v.ruleSet ?? '*'}|${v.effective}`, v])).values()];
  if (keys.length === 0) return 0;
  const result = await tx
    .updateTable('policy_values')
    .set({ used_at: sql<Date>`now()` })
    .where('used_at', 'is', null)
    .where((eb) => eb.or(keys.map((k) => eb.and([
      eb('name', '=', k.name),
      eb('area', '=', k.area),
      eb(sql<string>`coalesce(rule_set, '*')`, '=', k.ruleSet ?? '*'),
      eb('effective', '=', k.effective),
    ]))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
