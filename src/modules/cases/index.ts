// Public surface of the cases module: what other modules, the server and the CLI may use.
export { ensureDemoRecipients, loadDemoRecipients } from './demo/recipients.ts';
export { GRANTED_STATES } from './domain/conditions.ts';
export { PROGRAMME_LABELS } from './domain/programmes.ts';
export { PENDING_STATES } from './domain/steps.ts';
export { caseRoutes } from './routes.ts';
export { createCase } from './service/cases.ts';
export { mustFindCase, performTransition } from './service/engine.ts';
export { caseParameters } from './service/parameters.ts';
