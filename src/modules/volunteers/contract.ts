// The volunteers module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { organisationDetail, organisationList, teamList } from './contract/organisations.ts';
import type { volunteerDetail, volunteerList } from './contract/people.ts';
import type { serviceList } from './contract/service.ts';
import type { figures } from './contract/figures.ts';

export { ORG_KINDS, SKILLS } from './codes.ts';
export type { OrgKind, Skill } from './codes.ts';
export type OrganisationList = z.output<typeof organisationList>;
export type OrganisationDetail = z.output<typeof organisationDetail>;
export type TeamList = z.output<typeof teamList>;
export type VolunteerList = z.output<typeof volunteerList>;
export type VolunteerDetail = z.output<typeof volunteerDetail>;
export type ServiceList = z.output<typeof serviceList>;
export type VolunteerFigures = z.output<typeof figures>;
