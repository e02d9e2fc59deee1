// The volunteers API (社会力量参与) as the pages call it.
import type { OrganisationDetail, OrganisationList, ServiceList, TeamList, VolunteerDetail, VolunteerFigures, VolunteerList } from '../../../../src/modules/volunteers/contract.ts';
import { api } from '../../api/client.ts';

const base = '/volunteers';

export const listOrganisations = () => api<OrganisationList>(`${base}/organisations`);
export const createOrganisation = (body: object) => api<OrganisationDetail>(`${base}/organisations`, { method: 'POST', body });
export const listTeams = () => api<TeamList>(`${base}/teams`);
export const createTeam = (body: object) => api<TeamList['items'][number]>(`${base}/teams`, { method: 'POST', body });
export const addMember = (teamId: number, body: object) => api<TeamList['items'][number]>(`${base}/teams/${teamId}/members`, { method: 'POST', body });
export const listVolunteers = () => api<VolunteerList>(`${base}/people`);
export const registerVolunteer = (body: object) => api<VolunteerDetail>(`${base}/people`, { method: 'POST', body });
export const listService = () => api<ServiceList>(`${base}/service-records?limit=200`);
export const recordService = (body: object) => api<ServiceList['items'][number]>(`${base}/service-records`, { method: 'POST', body });
export const confirmService = (id: number, body: object) => api<ServiceList['items'][number]>(`${base}/service-records/${id}/confirm`, { method: 'POST', body });
export const figures = (year: number) => api<VolunteerFigures>(`${base}/figures?year=${year}`);
