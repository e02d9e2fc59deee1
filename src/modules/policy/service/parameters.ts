// Parameters in the database: the YAML files are loaded at start (missing values inserted, unused
// ones updated, a changed used value refused), a cached ParameterSet per database backs the API, and
// prefecture admins add dated values (a used value is never edited, only superseded).
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { requireAreaField, systemScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import {
  createParameterSet, defaultParameterRows, flattenParameterFiles, isAreaCode, loadParameterFiles, PARAMETERS_DIR, parameterFilesStamp, isIsoDate, RULE_SETS, valueProblem,
  type ParameterRow, type ParameterSet, type ParameterScalar, type Unit,
} from '../../../policy/index.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import * as repo from '../repo/parameters.ts';
import { namesOf } from '../../areas/index.ts';

export { markParametersUsed } from '../repo/parameters.ts';

const cache = new WeakMap<Database, Promise<ParameterRow[]>>();

async function readRows(db: Kysely<DB>): Promise<ParameterRow[]> {
  const [defs, values] = await Promise.all([repo.listDefinitions(db), repo.listValues(db)]);
  const byName = new Map(defs.map((d) => [d.name, d]));
  return values.flatMap((v) => {
    const d = byName.get(v.name);
    return d ? [{ name: v.name, description: d.description, unit: d.unit, reference: d.reference, area: v.area, ruleSet: v.ruleSet, effective: v.effective, value: v.value, valueReference: v.valueReference }] : [];
  });
}

/**
 * On a server several instances may share the database: each listens for the notice every parameter change sends
 * (migration 0148) and drops its cached rows, so a change made through another instance is seen before the next
 * decision. PGlite has one process, whose own changes invalidate the cache.
 */
const listening = new WeakMap<Database, Promise<void>>();

function listenForChanges(db: Database): Promise<void> {
  let ready = listening.get(db);
  if (!ready) {
    ready = db.listen('jiuzhu_parameters', () => cache.delete(db));
    ready.catch(() => listening.delete(db));
    listening.set(db, ready);
  }
  return ready;
}

/** The stored rows, read once per database and again after a change (here or, on a server, in another instance). */
export async function parameterRows(db: Database): Promise<ParameterRow[]> {
  await listenForChanges(db);
  let rows = cache.get(db);
  if (!rows) {
    rows = readRows(db.kysely);
    rows.catch(() => cache.delete(db));
    cache.set(db, rows);
  }
  return rows;
}

/** The ParameterSet over the database (what the API, payroll and decisions use). */
export async function databaseParameterSet(db: Database): Promise<ParameterSet> {
  return createParameterSet(await parameterRows(db));
}

export function invalidateParameters(db: Database): void {
  cache.delete(db);
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const keyOf = (v: { name: string; area: string; ruleSet: string | null; effective: string }) => `${v.name}|${v.area}|${v.ruleSet ?? '*'}|${v.effective}`;

/** `parsed`: false when the files' stamp matched the last sync's, so they were neither parsed nor compared. */
export type SyncResult = { inserted: number; updated: number; parsed: boolean };

/** The parameter files under `root` (the shipped ones by default), or rows given as they are (then no stamp is kept). */
export type ParameterSource = { root: string } | readonly ParameterRow[];

/**
 * Loads the parameter files into the database (every start, every mode). A file value missing from
 * the table is inserted; one that differs from a stored value is updated while unused, and refused
 * (naming the parameter) once used. Loading the same files twice changes nothing: the stamp of the files
 * (their bytes, read without parsing) is kept after a sync, and files with the same stamp are skipped.
 */
export async function syncParameterFiles(db: Database, source: ParameterSource = { root: PARAMETERS_DIR }): Promise<SyncResult> {
  if (!('root' in source)) return syncRows(db, source, null);
  const stamp = parameterFilesStamp(source.root);
  const stored = await db.kysely.selectFrom('policy_file_stamp').select('stamp').where('id', '=', 1).executeTakeFirst();
  if (stored?.stamp === stamp) return { inserted: 0, updated: 0, parsed: false };
  const rows = source.root === PARAMETERS_DIR ? defaultParameterRows() : flattenParameterFiles(loadParameterFiles(source.root));
  return syncRows(db, rows, stamp);
}

/** `stamp`: the files' stamp to keep, or null for rows not from the files (the next sync from the files compares again). */
async function syncRows(db: Database, rows: readonly ParameterRow[], stamp: string | null): Promise<SyncResult> {
  const scope = systemScope('parameters');
  const result = await db.kysely.transaction().execute(async (tx) => {
    const defs = new Map<string, repo.Definition>();
    for (const r of rows) defs.set(r.name, { name: r.name, description: r.description, unit: r.unit, reference: r.reference });
    const stored = await repo.listDefinitions(tx);
    const storedDefs = new Map(stored.map((d) => [d.name, d]));
    const changedDefs = [...defs.values()].filter((d) => !sameJson(d, storedDefs.get(d.name)));
    await repo.upsertDefinitions(tx, changedDefs);
    const existing = new Map((await repo.listValues(tx)).map((v) => [keyOf(v), v]));
    const missing: repo.NewValue[] = [];
    const updated: { before: repo.StoredValue; after: ParameterRow }[] = [];
    for (const r of rows) {
      const found = existing.get(keyOf(r));
      if (!found) {
        missing.push({ name: r.name, area: r.area, ruleSet: r.ruleSet, effective: r.effective, value: r.value, valueReference: r.valueReference, origin: 'file', createdBy: scope.userName });
        continue;
      }
      if (sameJson(found.value, r.value) && found.valueReference === r.valueReference) continue;
      if (found.usedAt !== null && !sameJson(found.value, r.value)) {
        throw new Error(
          `Parameter "${r.name}" (area ${r.area}, rule set ${r.ruleSet ?? 'any'}, effective ${r.effective}): the file gives ${JSON.stringify(r.value)} but the stored value ${JSON.stringify(found.value)} was already used on ${found.usedAt}; a used value is never edited — add a new value with a later effective date`,
        );
      }
      updated.push({ before: found, after: r });
    }
    await repo.insertValues(tx, missing);
    for (const u of updated) {
      await repo.updateValue(tx, u.before.id, { effective: u.after.effective, value: u.after.value, valueReference: u.after.valueReference });
    }
    if (missing.length + updated.length + changedDefs.length > 0) {
      await appendAudit(tx, scope, {
        action: 'policy.load', entity: 'policy_parameters', entityId: null,
        after: { inserted: missing.length, updated: updated.map((u) => ({ name: u.after.name, area: u.after.area, effective: u.after.effective, before: u.before.value, after: u.after.value })), definitions: changedDefs.map((d) => d.name) },
      });
    }
    if (stamp === null) await tx.deleteFrom('policy_file_stamp').execute();
    else {
      await tx.insertInto('policy_file_stamp').values({ id: 1, stamp })
        .onConflict((oc) => oc.column('id').doUpdateSet({ stamp, synced_at: sql<Date>`now()` })).execute();
    }
    return { inserted: missing.length, updated: updated.length, parsed: true };
  });
  invalidateParameters(db);
  return result;
}


/** `areaName`: the area's name for staff (null for CN, the national values). */
export type ValueView = repo.StoredValue & { used: boolean; current: boolean; areaName: string | null };
export type ParameterView = repo.Definition & { values: ValueView[] };

/** Per (area, rule set): the latest value in force today is current; later ones are scheduled. */
function withCurrent(values: readonly repo.StoredValue[], today: string, names: ReadonlyMap<string, string>): ValueView[] {
  const current = new Map<string, number>();
  for (const v of values) {
    if (v.effective > today) continue;
    const k = `${v.area}|${v.ruleSet ?? '*'}`;
    const best = values.find((x) => x.id === current.get(k));
    if (!best || v.effective > best.effective) current.set(k, v.id);
  }
  const ids = new Set(current.values());
  return values.map((v) => ({ ...v, used: v.usedAt !== null, current: ids.has(v.id), areaName: names.get(v.area) ?? null }));
}

/** Every parameter with its values (current and past, per area): public law, open to every role. */
export async function listParameters(db: Database, scope: Scope, prefix?: string): Promise<ParameterView[]> {
  allow(scope, 'policy.read');
  const [defs, values] = await Promise.all([repo.listDefinitions(db.kysely), repo.listValues(db.kysely)]);
  const today = todayInChina();
  const names = await namesOf(db.kysely, [...new Set(values.map((v) => v.area))].filter((a) => a !== 'CN'));
  const byName = new Map<string, repo.StoredValue[]>();
  for (const v of values) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return defs
    .filter((d) => prefix === undefined || d.name === prefix || d.name.startsWith(`${prefix}.`))
    .map((d) => ({ ...d, values: withCurrent(byName.get(d.name) ?? [], today, names) }));
}

async function mustFindDefinition(db: Kysely<DB>, name: string): Promise<repo.Definition> {
  const def = await repo.findDefinition(db, name);
  if (!def) throw AppError.notFound('参数', name);
  return def;
}

export async function getParameter(db: Database, scope: Scope, name: string): Promise<ParameterView> {
  allow(scope, 'policy.read');
  const def = await mustFindDefinition(db.kysely, name);
  const values = await repo.listValues(db.kysely, name);
  const names = await namesOf(db.kysely, [...new Set(values.map((v) => v.area))].filter((a) => a !== 'CN'));
  return { ...def, values: withCurrent(values, todayInChina(), names) };
}

/** A value typed by the parameter's unit; money in yuan with at most two decimals. */
export function checkValue(unit: Unit, value: unknown, field: string): Exclude<ParameterScalar, null> {
  const scalar = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]).safeParse(value);
  if (!scalar.success) throw AppError.field(field, `值的类型不符合单位 ${unit}`);
  const problem = valueProblem(unit, scalar.data);
  if (problem) throw AppError.field(field, `值不符合单位 ${unit}：${problem}`);
  if (unit.startsWith('yuan') && typeof scalar.data === 'number' && Math.round(scalar.data * 100) !== Number((scalar.data * 100).toFixed(6))) {
    throw AppError.field(field, '金额以元为单位，最多两位小数');
  }
  return scalar.data;
}

export function checkArea(scope: Scope, area: string, field: string): void {
  if (!isAreaCode(area)) throw AppError.field(field, '区划代码应为 CN 或 6、9、12 位数字');
  requireAreaField(scope, field, area);
}

export const newValueSchema = z.strictObject({
  area: z.string(),
  ruleSet: z.enum(RULE_SETS).nullable().optional(),
  effective: z.string(),
  value: z.unknown(),
  reference: z.string().optional(),
});
export type NewValueInput = z.output<typeof newValueSchema>;

function checkReference(reference: string | undefined): string {
  const r = reference?.trim() ?? '';
  if (r === '') throw AppError.field('reference', '请填写依据（文件名称及条款）');
  return r;
}

function checkEffective(effective: string): string {
  if (!isIsoDate(effective)) throw AppError.field('effective', '生效日期应为 YYYY-MM-DD');
  return effective;
}

export async function addValue(db: Database, scope: Scope, name: string, input: NewValueInput): Promise<ValueView> {
  allow(scope, 'policy.manage');
  const def = await mustFindDefinition(db.kysely, name);
  checkArea(scope, input.area, 'area');
  const effective = checkEffective(input.effective);
  const value = checkValue(def.unit, input.value, 'value');
  const reference = checkReference(input.reference);
  const ruleSet = input.ruleSet ?? null;
  const id = await write(db, scope, async (tx) => {
    const values = await repo.listValues(tx, name);
    const same = values.filter((v) => v.area === input.area && v.ruleSet === ruleSet);
    if (same.some((v) => v.effective === effective)) {
      throw new AppError('parameter_value_exists', `effective: 该区划 ${input.area} 在 ${effective} 已有一个值；请修改该值（若未使用）或选择其他生效日期`, 409, { fields: [{ field: 'effective', message: '该生效日期已有值' }] });
    }
    const lastUsed = same.filter((v) => v.usedAt !== null).map((v) => v.effective).sort().at(-1);
    if (lastUsed !== undefined && effective <= lastUsed) {
      throw new AppError('parameter_value_used', `effective: 已使用的值自 ${lastUsed} 生效；新值只能在其后生效（替代），不能改变已使用的期间`, 409, { fields: [{ field: 'effective', message: `应晚于 ${lastUsed}` }] });
    }
    const [newId] = await repo.insertValues(tx, [{ name, area: input.area, ruleSet, effective, value, valueReference: reference, origin: 'api', createdBy: scope.userName }]);
    await appendAudit(tx, scope, { action: 'policy.value.add', entity: 'policy_parameter', entityId: name, areaCode: input.area, after: { area: input.area, ruleSet, effective, value, reference } });
    return newId ?? 0;
  });
  invalidateParameters(db);
  const stored = (await repo.listValues(db.kysely, name)).find((v) => v.id === id);
  if (!stored) throw new Error(`value ${id} vanished`);
  const names = input.area === 'CN' ? new Map<string, string>() : await namesOf(db.kysely, [input.area]);
  return { ...stored, used: false, current: false, areaName: names.get(input.area) ?? null };
}

export const valuePatchSchema = z.strictObject({ effective: z.string().optional(), value: z.unknown().optional(), reference: z.string().optional() });

/** Edits a value only while unused and entered through the API; a used one must be superseded. */
export async function editValue(db: Database, scope: Scope, name: string, id: number, patch: z.output<typeof valuePatchSchema>): Promise<void> {
  allow(scope, 'policy.manage');
  const def = await mustFindDefinition(db.kysely, name);
  await write(db, scope, async (tx) => {
    const values = await repo.listValues(tx, name);
    const found = values.find((v) => v.id === id);
    if (!found) throw AppError.notFound('参数值', String(id));
    checkArea(scope, found.area, 'area');
    if (found.usedAt !== null) {
      throw AppError.conflict('parameter_value_used', `该参数值已于 ${found.usedAt} 被发放或决定使用，不能修改；请新增一个更晚生效的值来替代它`, { usedAt: found.usedAt, id });
    }
    if (found.origin === 'file') {
      throw AppError.conflict('parameter_value_from_file', '该参数值来自参数文件，每次启动时按文件加载；请修改参数文件，或新增一个更晚生效的值来替代它', { id });
    }
    const after = {
      effective: patch.effective === undefined ? found.effective : checkEffective(patch.effective),
      value: patch.value === undefined ? found.value : checkValue(def.unit, patch.value, 'value'),
      valueReference: patch.reference === undefined ? found.valueReference : checkReference(patch.reference),
    };
    if (values.some((v) => v.id !== id && v.area === found.area && v.ruleSet === found.ruleSet && v.effective === after.effective)) {
      throw new AppError('parameter_value_exists', `effective: 该区划 ${found.area} 在 ${after.effective} 已有一个值`, 409, { fields: [{ field: 'effective', message: '该生效日期已有值' }] });
    }
    await repo.updateValue(tx, id, after);
    await appendAudit(tx, scope, { action: 'policy.value.edit', entity: 'policy_parameter', entityId: name, areaCode: found.area, before: { effective: found.effective, value: found.value, reference: found.valueReference }, after: { ...after, reference: after.valueReference } });
  });
  invalidateParameters(db);
}
