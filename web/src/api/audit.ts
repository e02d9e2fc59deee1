import { api } from './client.ts';
import type { AuditEntry, AuditVerifyResult } from './types.ts';

export async function fetchAudit(limit: number, before?: number): Promise<AuditEntry[]> {
  const query = before === undefined ? `limit=${limit}` : `limit=${limit}&before=${before}`;
  const res = await api<{ items: AuditEntry[] }>(`/audit?${query}`);
  return res.items;
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return api<AuditVerifyResult>('/audit/verify', { method: 'POST' });
}
