import type { Probe } from './types.ts';

const no = (county: string) => `FF${county}201512`;
const returns = Buffer.from('流水号,结果,失败原因\nFF522701201512-1,失败,账户已销户\n');

/** Scope-matrix probes of the payroll routes. */
export const payrollProbes: Record<string, Probe> = {
  'GET /api/v1/payroll': (f) => ({ method: 'GET', url: `/api/v1/payroll?county=${f.county}` }),
  'POST /api/v1/payroll/runs': (f) => ({ method: 'POST', url: '/api/v1/payroll/runs', payload: { period: '2015-12', countyCode: f.county } }),
  'GET /api/v1/payroll/fund': (f) => ({ method: 'GET', url: `/api/v1/payroll/fund?county=${f.county}` }),
  'GET /api/v1/payroll/households/:householdNo/history': (f) => ({ method: 'GET', url: `/api/v1/payroll/households/${f.householdNo}/history` }),
  'POST /api/v1/payroll/households/:householdNo/receivables': (f) => ({ method: 'POST', url: `/api/v1/payroll/households/${f.householdNo}/receivables`, payload: { amountFen: 100, decidedOn: '2015-10-01', reason: '越权登记' } }),
  'POST /api/v1/payroll/households/:householdNo/repayments': (f) => ({ method: 'POST', url: `/api/v1/payroll/households/${f.householdNo}/repayments`, payload: { amountFen: 100, date: '2015-10-01' } }),
  'GET /api/v1/payroll/:payrollNo': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}` }),
  'GET /api/v1/payroll/:payrollNo/lines': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}/lines?township=${f.township}` }),
  'POST /api/v1/payroll/:payrollNo/approve': (f) => ({ method: 'POST', url: `/api/v1/payroll/${no(f.county)}/approve` }),
  'POST /api/v1/payroll/:payrollNo/discard': (f) => ({ method: 'POST', url: `/api/v1/payroll/${no(f.county)}/discard` }),
  'GET /api/v1/payroll/:payrollNo/files': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}/files` }),
  'GET /api/v1/payroll/:payrollNo/file': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}/file?kind=cash&unmask=true` }),
  'GET /api/v1/payroll/:payrollNo/bank-files': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}/bank-files` }),
  'GET /api/v1/payroll/:payrollNo/bank-file': (f) => ({ method: 'GET', url: `/api/v1/payroll/${no(f.county)}/bank-file?bank=&unmask=true` }),
  'POST /api/v1/payroll/:payrollNo/returns': (f) => ({ method: 'POST', url: `/api/v1/payroll/${no(f.county)}/returns?format=csv`, payload: returns }),
};
