import type { Probe } from './types.ts';

/** Scope-matrix probes of the stats routes: each asks for the foreign area's figures. */
export const statsProbes: Record<string, Probe> = {
  'GET /api/v1/stats/figures': (f) => ({ method: 'GET', url: `/api/v1/stats/figures?area=${f.township}&year=2015` }),
  'GET /api/v1/stats/warnings': (f) => ({ method: 'GET', url: `/api/v1/stats/warnings?area=${f.county}&year=2015` }),
  'GET /api/v1/stats/warnings/:kind': (f) => ({ method: 'GET', url: `/api/v1/stats/warnings/poverty_uncovered?area=${f.township}` }),
  'GET /api/v1/stats/report.docx': (f) => ({ method: 'GET', url: `/api/v1/stats/report.docx?area=${f.county}&year=2015` }),
  'GET /api/v1/stats/tables.xlsx': (f) => ({ method: 'GET', url: `/api/v1/stats/tables.xlsx?area=${f.county}&year=2015` }),
};
