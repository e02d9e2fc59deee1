// What 特困 adds to the statistics.
import type { ProgrammeStats } from '../stats.ts';

export const hardshipStats: ProgrammeStats = { summaryKeys: ['institutional'] };
