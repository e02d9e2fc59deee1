// Public surface of the SPDCI module: what the server and the CLI use.
import './error-codes.ts';
import './tables.ts';
import './permissions.ts';
export { DCI_PREFIX, dciRoutes } from './routes.ts';
export { dciAdminRoutes } from './admin-routes.ts';
export { addClient, listClients, revokeClient, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './service/clients.ts';
export { deliverDue, startOutbox } from './service/outbox.ts';
export { pumpSubscriptions } from './service/subscriptions.ts';
export { signEnvelope } from './signature/envelope.ts';
export { DEFAULT_ALGORITHM } from './signature/algorithms.ts';
export { ATTRIBUTES } from './attributes.ts';
