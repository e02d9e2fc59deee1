// Public surface of the volunteers module (社会力量参与: organisations, teams, volunteers, service hours);
// importing it registers its paragraph of the annual report (社会力量参与).
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
export { volunteerRoutes } from './routes.ts';
export { mustFindOrganisation, type OrganisationRef } from './service/lookup.ts';
export { REGISTER_KINDS, registerEntry, registerOptions, type RegisterEntry, type RegisterKind, type RegisterOption } from './service/entries.ts';
export { createOrganisation } from './service/organisations.ts';
export { newOrganisationSchema } from './contract/organisations.ts';
export { importTeams, importVolunteers, type BulkTeam, type BulkVolunteer } from './service/bulk.ts';
export { SKILLS, type Skill } from './codes.ts';
