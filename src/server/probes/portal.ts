import type { Probe } from './types.ts';

/**
 * Scope-matrix probes of the citizen portal (/api/portal/v1), aimed at another household: its head's ID number
 * in sign-in, its household and case numbers where a route takes one. The citizen's own data may show; the
 * other household's never.
 */
export const portalProbes: Record<string, Probe> = {
  'POST /api/portal/v1/auth/code': (f) => ({ method: 'POST', url: '/api/portal/v1/auth/code', payload: { idNumber: f.idNumber, phone: '13800000000' } }),
  'POST /api/portal/v1/auth/verify': (f) => ({ method: 'POST', url: '/api/portal/v1/auth/verify', payload: { idNumber: f.idNumber, code: '000000' } }),
  'GET /api/portal/v1/me': () => ({ method: 'GET', url: '/api/portal/v1/me' }),
  'GET /api/portal/v1/suggestions': () => ({ method: 'GET', url: '/api/portal/v1/suggestions' }),
  'GET /api/portal/v1/auth/methods': () => ({ method: 'GET', url: '/api/portal/v1/auth/methods' }),
  'GET /api/portal/v1/auth/oidc/start': () => ({ method: 'GET', url: '/api/portal/v1/auth/oidc/start' }),
  'GET /api/portal/v1/auth/oidc/callback': (f) => ({ method: 'GET', url: `/api/portal/v1/auth/oidc/callback?code=${f.idNumber}&state=${f.householdNo}` }),
  'GET /api/portal/v1/cases': () => ({ method: 'GET', url: '/api/portal/v1/cases' }),
  'GET /api/portal/v1/cases/:caseNo': (f) => ({ method: 'GET', url: `/api/portal/v1/cases/${f.caseNo}` }),
  'GET /api/portal/v1/notices': () => ({ method: 'GET', url: '/api/portal/v1/notices' }),
  'GET /api/portal/v1/cases/:caseNo/notice': (f) => ({ method: 'GET', url: `/api/portal/v1/cases/${f.caseNo}/notice` }),
  // The public notices of the citizen's own village only; an objection to another village's case answers 404.
  'GET /api/portal/v1/public-notices': () => ({ method: 'GET', url: '/api/portal/v1/public-notices' }),
  'POST /api/portal/v1/public-notices/:caseNo/objections': (f) => ({ method: 'POST', url: `/api/portal/v1/public-notices/${f.caseNo}/objections`, payload: { content: '探测：对公示的异议', anonymous: true } }),
  'GET /api/portal/v1/payments': () => ({ method: 'GET', url: '/api/portal/v1/payments' }),
  // The policy check reads another village's standard (public policy); prefill and the list show only the own household.
  'POST /api/portal/v1/policy-check': (f) => ({ method: 'POST', url: '/api/portal/v1/policy-check', payload: { areaCode: f.village, hukou: 'rural', householdSize: 1, monthlyIncomeYuan: 0 } }),
  'GET /api/portal/v1/areas': () => ({ method: 'GET', url: '/api/portal/v1/areas?parent=522701001' }),
  'GET /api/portal/v1/applications/prefill': () => ({ method: 'GET', url: '/api/portal/v1/applications/prefill' }),
  'GET /api/portal/v1/applications': () => ({ method: 'GET', url: '/api/portal/v1/applications' }),
  'POST /api/portal/v1/applications': (f) => ({
    method: 'POST', url: '/api/portal/v1/applications',
    payload: { programme: 'dibao', householdNo: f.householdNo, description: '申请低保（探测）', authorised: true, documents: [], signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==' },
  }),
  'GET /api/portal/v1/complaints': () => ({ method: 'GET', url: '/api/portal/v1/complaints' }),
  // A complaint names a person, never a case or household number: one aimed at the other household's case is refused (400).
  'POST /api/portal/v1/complaints': (f) => ({
    method: 'POST', url: '/api/portal/v1/complaints',
    payload: { anonymous: false, subject: { kind: 'recipient', caseNo: f.caseNo }, villageCode: f.village, category: 'fraud', content: '举报内容（探测）' },
  }),
  'POST /api/portal/v1/auth/logout': () => ({ method: 'POST', url: '/api/portal/v1/auth/logout' }),
};
