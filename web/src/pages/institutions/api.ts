// The institution register's API as the pages call it.
import type { InstitutionDetail, InstitutionFigures, InstitutionList, ProjectView } from '../../../../src/modules/institutions/contract.ts';
import { api } from '../../api/client.ts';

export interface ListFilter { county?: string; kind?: string; status?: string }

export const listInstitutions = (f: ListFilter = {}) => {
  const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return api<InstitutionList>(`/institutions${q.size > 0 ? `?${q.toString()}` : ''}`);
};
export const getInstitution = (id: number) => api<InstitutionDetail>(`/institutions/${id}`);
export const createInstitution = (body: object) => api<InstitutionDetail>('/institutions', { method: 'POST', body });
export const updateInstitution = (id: number, body: object) => api<InstitutionDetail>(`/institutions/${id}`, { method: 'PATCH', body });
export const addRating = (id: number, body: object) => api<InstitutionDetail>(`/institutions/${id}/ratings`, { method: 'POST', body });
export const addProject = (id: number, body: object) => api<ProjectView>(`/institutions/${id}/projects`, { method: 'POST', body });
export const updateProject = (id: number, projectId: number, body: object) => api<ProjectView>(`/institutions/${id}/projects/${projectId}`, { method: 'PATCH', body });
export const institutionFigures = (year: number) => api<InstitutionFigures>(`/institutions/figures?year=${year}`);
