// What 低保 adds to the statistics.
import type { ProgrammeStats } from '../stats.ts';

export const dibaoStats: ProgrammeStats = { summaryKeys: ['gap', 'topup'] };
