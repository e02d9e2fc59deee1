// What happens to a damage entry after registration: corrected while not yet verified (the version read,
// else 409), verified by two different staff (入户核查: the second makes it `verified`; who recorded may be
// one of them), voided with a reason (the household may then be registered again).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { correctDamageSchema, verifyDamageSchema, voidDamageSchema } from '../contract/damage.ts';
import { DAMAGE_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { findEntry, updateEntry, type EntryRow } from '../repo/damage.ts';
import type { EventRow } from '../repo/events.ts';
import { damageDetail } from './damage-read.ts';
import { damageFiguresOf } from './damage-view.ts';
import { requireEvent } from './events.ts';

type Step = (tx: Kysely<DB>, d: EntryRow) => Promise<{ action: string; after: Record<string, unknown> }>;

/** Runs one step on the household's entry, locked, in one audited transaction. */
async function step(db: Database, scope: Scope, eventNo: string, householdNo: string, fn: (e: EventRow) => Step) {
  allow(scope, 'disaster.record');
  const e = await requireEvent(db, scope, eventNo);
  const run = fn(e);
  await write(db, scope, async (tx) => {
    const d = await findEntry(tx, scope, e, householdNo, true);
    if (!d) throw AppError.notFound('受灾户登记', `${eventNo}/${householdNo}`);
    const { action, after } = await run(tx, d);
    await appendAudit(tx, scope, { action, entity: 'disaster_damage', entityId: `${eventNo}/${householdNo}`, areaCode: d.area_code, before: damageFiguresOf(d), after });
  });
  return damageDetail(db, scope, eventNo, householdNo);
}

const notIn = (d: EntryRow, what: string) =>
  AppError.conflict('disaster_damage_state', `该户登记${DAMAGE_STATUS_LABELS[d.status]}，不能${what}`);
const changed = () => AppError.conflict('disaster_damage_changed', '该户登记已被他人更新，请刷新后重试');

export function correctDamage(db: Database, scope: Scope, eventNo: string, householdNo: string, input: z.output<typeof correctDamageSchema>) {
  return step(db, scope, eventNo, householdNo, () => async (tx, d) => {
    if (d.status !== 'recorded') throw notIn(d, '更正');
    if (d.version !== input.version) throw changed();
    const patch = {
      persons_affected: input.personsAffected, persons_homeless: input.personsHomeless, deaths: input.deaths, missing: input.missing, injured: input.injured,
      house_grade: input.houseGrade, house_structure: input.houseStructure, rooms_damaged: input.roomsDamaged, direct_loss_fen: input.directLossFen, note: input.note,
      // A first verification checked the figures before the correction: it has to be made again.
      first_verified_by: null, first_verified_on: null,
    };
    if (!(await updateEntry(tx, d, input.version, patch, 'recorded'))) throw changed();
    return { action: 'disaster.damage.correct', after: patch };
  });
}

export function verifyDamage(db: Database, scope: Scope, eventNo: string, householdNo: string, input: z.output<typeof verifyDamageSchema>) {
  return step(db, scope, eventNo, householdNo, () => async (tx, d) => {
    if (d.status !== 'recorded') throw notIn(d, '核查');
    if (input.verifiedOn < d.recorded_on) throw AppError.field('verifiedOn', `核查日期不能早于登记日期 ${d.recorded_on}`);
    if (d.first_verified_by === scope.userName) {
      throw AppError.conflict('disaster_damage_verifier', `${scope.userName} 已于 ${d.first_verified_on ?? ''} 核查过该户，第二次核查须由另一人进行`);
    }
    const patch = d.first_verified_by === null
      ? { first_verified_by: scope.userName, first_verified_on: input.verifiedOn }
      : { second_verified_by: scope.userName, second_verified_on: input.verifiedOn, status: 'verified' as const };
    if (!(await updateEntry(tx, d, d.version, patch, 'recorded'))) throw changed();
    return { action: 'disaster.damage.verify', after: patch };
  });
}

export function voidDamage(db: Database, scope: Scope, eventNo: string, householdNo: string, input: z.output<typeof voidDamageSchema>) {
  return step(db, scope, eventNo, householdNo, () => async (tx, d) => {
    if (d.status === 'void') throw notIn(d, '作废');
    const patch = { status: 'void' as const, void_reason: input.reason };
    if (!(await updateEntry(tx, d, d.version, patch))) throw changed();
    return { action: 'disaster.damage.void', after: patch };
  });
}
