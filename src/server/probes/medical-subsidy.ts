import type { Probe } from './types.ts';

const no = (county: string) => `ZC${county}2016000001`;
const result = Buffer.from('公民身份号码,参保结果,原因\n522701199001011234,已参保,\n');

/** Scope-matrix probes of the premium-subsidy routes (资助参保). */
export const medicalSubsidyProbes: Record<string, Probe> = {
  'GET /api/v1/medical/subsidy-lists': (f) => ({ method: 'GET', url: `/api/v1/medical/subsidy-lists?area=${f.county}` }),
  'POST /api/v1/medical/subsidy-lists': (f) => ({ method: 'POST', url: '/api/v1/medical/subsidy-lists', payload: { countyCode: f.county, year: 2016, asOf: '2015-12-31' } }),
  'GET /api/v1/medical/subsidy-figures': (f) => ({ method: 'GET', url: `/api/v1/medical/subsidy-figures?area=${f.township}&year=2016` }),
  'GET /api/v1/medical/subsidy-lists/:listNo': (f) => ({ method: 'GET', url: `/api/v1/medical/subsidy-lists/${no(f.county)}` }),
  'GET /api/v1/medical/subsidy-lists/:listNo/entries': (f) => ({ method: 'GET', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/entries?township=${f.township}&unmask=true` }),
  'POST /api/v1/medical/subsidy-lists/:listNo/entries/:entryId/exclude': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/entries/1/exclude`, payload: { reason: '越权剔除' } }),
  'POST /api/v1/medical/subsidy-lists/:listNo/entries/:entryId/include': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/entries/1/include` }),
  'POST /api/v1/medical/subsidy-lists/:listNo/review': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/review` }),
  'POST /api/v1/medical/subsidy-lists/:listNo/approve': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/approve` }),
  'POST /api/v1/medical/subsidy-lists/:listNo/void': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/void` }),
  'GET /api/v1/medical/subsidy-lists/:listNo/insurer-file': (f) => ({ method: 'GET', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/insurer-file?format=csv` }),
  'POST /api/v1/medical/subsidy-lists/:listNo/result': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/result?format=csv`, payload: result }),
  'POST /api/v1/medical/subsidy-lists/:listNo/result/error-report': (f) => ({ method: 'POST', url: `/api/v1/medical/subsidy-lists/${no(f.county)}/result/error-report?format=csv`, payload: result }),
};
