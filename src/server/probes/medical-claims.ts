import type { Probe } from './types.ts';

const bill = { kind: 'inpatient', diagnosis: '肺炎', hospital: '越权医院', admittedOn: '2015-10-01', dischargedOn: '2015-10-09', totalCostFen: 800000, basicInsuranceFen: 500000, eligibleSelfPayFen: 250000 };

/** Scope-matrix probes of the claims routes (医疗救助申请). */
export const medicalClaimProbes: Record<string, Probe> = {
  'POST /api/v1/medical/claims': (f) => ({ method: 'POST', url: '/api/v1/medical/claims', payload: { householdNo: f.householdNo, applicantIdNumber: f.idNumber, appliedOn: '2015-10-12', details: bill } }),
  'GET /api/v1/medical/claims': (f) => ({ method: 'GET', url: `/api/v1/medical/claims?area=${f.township}` }),
  'POST /api/v1/medical/person-year': (f) => ({ method: 'POST', url: '/api/v1/medical/person-year', payload: { idNumber: f.idNumber, year: 2015 } }),
};
