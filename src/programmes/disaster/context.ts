// What a 受灾人员救助 case records: the relief it decided — its kind, the event (or the 冬春 season), the
// batch that decided it, and the household's claim the amount was computed from. Cases of this programme
// are opened and decided by a county's batch (src/modules/disaster), one per household and kind.
import { z } from 'zod';
import type { CaseContext } from '../../workflow/definition.ts';

export const RELIEF_KINDS = ['emergency', 'transitional', 'housing', 'winter_spring', 'bereavement'] as const;
export type ReliefKind = (typeof RELIEF_KINDS)[number];

const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The household's claim of each kind: what its amount is computed from. */
export const reliefClaimSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('emergency'), persons: count }),
  z.strictObject({ kind: z.literal('transitional'), persons: count, startDate: isoDate, endDate: isoDate }),
  z.strictObject({ kind: z.literal('housing'), grade: z.enum(['collapsed', 'serious', 'general', 'none']), householdType: z.string().min(1), persons: count }),
  z.strictObject({ kind: z.literal('winter_spring'), first: count, second: count, third: count }),
  z.strictObject({ kind: z.literal('bereavement'), deceased: count }),
]);
export type ReliefClaim = z.output<typeof reliefClaimSchema>;

export interface DisasterContext extends CaseContext {
  relief?: { batchNo: string; eventNo?: string; season?: string; claim: ReliefClaim };
}
