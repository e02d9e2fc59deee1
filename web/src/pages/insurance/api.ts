// The housing-insurance API as the pages call it.
import type { ClaimDetail, ClaimList, InsuranceFigures, InsuredPage, PolicyDetail, PolicyList, Reconciliation } from '../../../../src/modules/housing-insurance/contract.ts';
import { api } from '../../api/client.ts';
import { fileFormatOf, postFile, uploadFile, type Uploaded } from '../../api/upload.ts';

const base = '/housing-insurance';
const policyUrl = (county: string, year: number) => `${base}/policies/${county}/${year}`;

export const listPolicies = (year: number) => api<PolicyList>(`${base}/policies?year=${year}`);
export const getPolicy = (county: string, year: number) => api<PolicyDetail>(policyUrl(county, year));
export const createPolicy = (body: object) => api<PolicyDetail>(`${base}/policies`, { method: 'POST', body });
export const listInsured = (county: string, year: number, village?: string) => api<InsuredPage>(`${policyUrl(county, year)}/insured?limit=500${village ? `&village=${village}` : ''}`);
export const generateInsured = (county: string, year: number) => api<{ added: number; total: number }>(`${policyUrl(county, year)}/insured/generate`, { method: 'POST' });
export interface Imported { rows: number; added: number; updated: number; total: number }
const importUrl = (county: string, year: number, file: File, tail = '') =>
  `/api/v1${policyUrl(county, year)}/insured/import${tail}?format=${fileFormatOf(file)}&fileName=${encodeURIComponent(file.name)}`;
export const importInsured = (county: string, year: number, file: File): Promise<Uploaded<Imported>> => uploadFile<Imported>(importUrl(county, year, file), file);
export const importErrorReport = async (county: string, year: number, file: File): Promise<Blob> => (await postFile(importUrl(county, year, file, '/error-report'), file)).blob();
export const listClaims = (county: string, year: number) => api<ClaimList>(`${base}/claims?area=${county}&year=${year}&limit=200`);
export const claimStep = (claimNo: string, step: 'assess' | 'pay' | 'refuse', body: object) => api<ClaimDetail>(`${base}/claims/${claimNo}/${step}`, { method: 'POST', body });
export const reportClaim = (body: object) => api<ClaimDetail>(`${base}/claims`, { method: 'POST', body });
export const reconciliation = (county: string, year: number) => api<Reconciliation>(`${base}/reconciliation?countyCode=${county}&year=${year}`);
export const figures = (area: string, year: number) => api<InsuranceFigures>(`${base}/figures?area=${area}&year=${year}`);
