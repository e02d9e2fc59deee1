/** Data of an area outside the probing user's scope (see scope-matrix.test.ts). */
export interface Foreign {
  county: string;
  township: string;
  village: string;
  names: string[];
  householdNo: string;
  idNumber: string;
  caseNo: string;
  /** An institution of that county (供养服务机构; the register's probes). */
  institutionId: number;
  /** A user of that area (the target of user probes). */
  user: string;
}

/** One request per registered route, aimed at another area's data. */
export type Probe = (f: Foreign) => { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object };
