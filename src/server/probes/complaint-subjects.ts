import type { Probe } from './types.ts';

/** Scope-matrix probes of the complaint form's subject search (a read: the ID number travels in the body). */
export const complaintSubjectProbes: Record<string, Probe> = {
  'POST /api/v1/complaints/subjects': (f) => ({ method: 'POST', url: '/api/v1/complaints/subjects', payload: { q: f.idNumber } }),
};

/** POSTs of this file that change nothing. */
export const complaintSubjectReadOnly = ['POST /api/v1/complaints/subjects'];
