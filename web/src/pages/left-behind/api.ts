// The left-behind API as the pages call it.
import type { LeftBehindFigures, PersonFile, SurveyList, SurveyRecorded, WarningList } from '../../../../src/modules/left-behind/contract.ts';
import { api } from '../../api/client.ts';

const base = '/left-behind';

export interface SurveyFilter { area?: string | undefined; kind?: string | undefined; year?: number | undefined }

export function listSurveys(f: SurveyFilter) {
  const q = new URLSearchParams({ limit: '200' });
  if (f.area) q.set('area', f.area);
  if (f.kind) q.set('kind', f.kind);
  if (f.year !== undefined) q.set('year', String(f.year));
  return api<SurveyList>(`${base}/surveys?${q.toString()}`);
}
export const recordSurvey = (body: object) => api<SurveyRecorded>(`${base}/surveys`, { method: 'POST', body });
export const getPerson = (personId: string) => api<PersonFile>(`${base}/persons/${personId}`);
export type PersonStep = 'care-plans' | 'visits' | 'follow-ups';
export const personStep = (personId: string, step: PersonStep, body: object) => api<PersonFile>(`${base}/persons/${personId}/${step}`, { method: 'POST', body });
export const listWarnings = (all: boolean) => api<WarningList>(`${base}/warnings${all ? '?all=true' : ''}`);
export const figures = (year: number) => api<LeftBehindFigures>(`${base}/figures?year=${year}`);
