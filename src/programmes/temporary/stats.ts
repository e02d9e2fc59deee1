// What 临时救助 adds to the statistics: persons-times and the amount of its one-off payments.
import type { ProgrammeStats } from '../stats.ts';

export const temporaryStats: ProgrammeStats = { summaryKeys: [] };
