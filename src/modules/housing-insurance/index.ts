// Public surface of the housing-insurance module (政策性农房保险): what the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
export { housingInsuranceRoutes } from './routes.ts';
export { insureFromRegistry } from './service/insured.ts';
export { policyParam } from './contract/policies.ts';
