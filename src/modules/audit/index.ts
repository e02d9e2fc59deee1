// Public surface of the audit module: what other modules, the server and the CLI may use.
export { auditRoutes } from './routes.ts';
export { verify } from './service.ts';
