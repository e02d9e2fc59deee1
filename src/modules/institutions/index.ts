// Public surface of the institutions module (供养服务机构): what other modules, the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
import './service/require.ts';
import './service/report-part.ts';
export { institutionsRoutes } from './routes.ts';
export { institutionsNamed, requireInstitution, type NamedInstitution } from './service/require.ts';
export { registerFigurePart, type FigurePart, type FigureValues } from './service/figure-parts.ts';
export { SUPPORT_KINDS } from './codes.ts';
export { createInstitution, withdrawDemoHomes } from './service/institutions.ts';
export { addProject, addRating } from './service/records.ts';
export { newInstitutionSchema, newProjectSchema, newRatingSchema } from './contract/institutions.ts';
