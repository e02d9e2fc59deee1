import type { Probe } from './types.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

/** Scope-matrix probes of a request's documents (申请材料): another area's request reads as missing. */
export const intakeDocumentProbes: Record<string, Probe> = {
  'GET /api/v1/intake/requests/:requestNo/documents': (f) => ({ method: 'GET', url: `/api/v1/intake/requests/SL${f.county}2015000001/documents` }),
  'GET /api/v1/intake/requests/:requestNo/documents/:seq': (f) => ({ method: 'GET', url: `/api/v1/intake/requests/SL${f.county}2015000001/documents/1` }),
  'POST /api/v1/intake/requests/:requestNo/documents': (f) => ({ method: 'POST', url: `/api/v1/intake/requests/SL${f.county}2015000001/documents`, payload: { documents: [{ name: '越权.png', content: PNG }] } }),
};
