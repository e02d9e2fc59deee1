// Home visits (入户调查) of a household, as the household page and the offline app use them.
import { api, ApiError } from '../../api/client.ts';

const enc = encodeURIComponent;

export type VisitSource = 'offline' | 'web';

export interface VisitFile {
  seq: number;
  kind: 'photo' | 'signature';
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface Visit {
  id: number;
  clientId: string | null;
  visitedOn: string;
  visitors: string;
  findings: string;
  source: VisitSource;
  signatureSha256: string | null;
  createdBy: string;
  createdAt: string;
  files: VisitFile[];
}

export interface VisitUpload {
  /** The offline entry's id: a retry of the same entry stores one visit. */
  clientId?: string;
  source: VisitSource;
  visitedOn: string;
  visitors: string;
  findings: string;
  /** Base64 or data URLs. */
  photos: { name: string; content: string }[];
  signature?: string;
}

export function addVisit(householdNo: string, visit: VisitUpload): Promise<Visit> {
  return api<Visit>(`/households/${enc(householdNo)}/visits`, { method: 'POST', body: visit });
}

export async function fetchVisits(householdNo: string): Promise<Visit[]> {
  return (await api<{ items: Visit[] }>(`/households/${enc(householdNo)}/visits`)).items;
}

/** A visit's file with the staff session, as an object URL (the caller revokes it). Each fetch is audited. */
export async function visitFileUrl(householdNo: string, visitId: number, seq: number): Promise<string> {
  const res = await fetch(`/api/v1/households/${enc(householdNo)}/visits/${visitId}/files/${seq}`, { credentials: 'include' });
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  return URL.createObjectURL(await res.blob());
}
