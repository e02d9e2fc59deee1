// The relief-station API as the pages call it.
import type { RecordDetail, RecordList, ReliefFigures, StationList } from '../../../../src/modules/relief-station/contract.ts';
import { api } from '../../api/client.ts';

const base = '/relief-station';

export interface RecordFilter { station?: number | undefined; status?: string | undefined; minor?: boolean; overdue?: boolean; from?: string | undefined; to?: string | undefined }

export function listRecords(f: RecordFilter) {
  const q = new URLSearchParams({ limit: '200' });
  if (f.station !== undefined) q.set('station', String(f.station));
  if (f.status) q.set('status', f.status);
  if (f.minor) q.set('minor', 'true');
  if (f.overdue) q.set('overdue', 'true');
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  return api<RecordList>(`${base}/records?${q.toString()}`);
}
export const getRecord = (recordNo: string) => api<RecordDetail>(`${base}/records/${recordNo}`);
export const createRecord = (body: object) => api<RecordDetail>(`${base}/records`, { method: 'POST', body });
export type StepPath = 'entry' | 'services' | 'family-searches' | 'long-stay' | 'return' | 'referral' | 'exit';
export const recordStep = (recordNo: string, step: StepPath, body: object) => api<RecordDetail>(`${base}/records/${recordNo}/${step}`, { method: 'POST', body });
export const listStations = () => api<StationList>(`${base}/stations`);
export const figures = (year: number) => api<ReliefFigures>(`${base}/figures?year=${year}`);
