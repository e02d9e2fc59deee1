// Public surface of the oversight module: what other modules, the server and the CLI may use.
export { complaintRoutes } from './routes.ts';
