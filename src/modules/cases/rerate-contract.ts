// Response shapes of the bulk re-rating routes (批量调标). Money in fen; the worksheet is the item's
// structured explanation (低保: standard, persons, per-capita income, members' gap and top-up by
// category, total; 特困: form of support, self-care level, basic living, care, total).
import { z } from 'zod';

const counts = z.object({ items: z.number(), up: z.number(), down: z.number(), unchanged: z.number(), review: z.number() });
const totals = z.object({ oldFen: z.number(), newFen: z.number(), differenceFen: z.number() });

export const rerateSummary = z.object({
  batchNo: z.string(), county: z.string(), programme: z.string(), programmeLabel: z.string(), effectiveMonth: z.string(), reason: z.string(),
  status: z.enum(['draft', 'approved', 'discarded']), statusLabel: z.string(), counts, totals,
  draftedBy: z.string(), draftedAt: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), decidedOn: z.string().nullable(),
});

export const rerateApproved = rerateSummary.extend({ changed: z.number(), stale: z.number() });

export const rerateList = z.object({ items: z.array(rerateSummary) });

export const rerateDetail = rerateSummary.extend({
  documents: z.array(z.object({ parameter: z.string(), area: z.string(), effective: z.string(), value: z.string(), reference: z.string() })),
  items: z.array(z.object({
    caseNo: z.string(), name: z.string(), village: z.string(), householdNo: z.string(), persons: z.number(),
    oldAmountFen: z.number(), newAmountFen: z.number().nullable(), differenceFen: z.number().nullable(),
    outcome: z.enum(['up', 'down', 'unchanged', 'review']), worksheet: z.unknown(),
  })),
  page: z.object({ offset: z.number(), limit: z.number(), total: z.number() }),
});
