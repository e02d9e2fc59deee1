// Public surface of the housing-insurance module (政策性农房保险): what the server, the CLI and the statistics may use.
import './error-codes.ts';
import './tables.ts';
export { housingInsuranceRoutes } from './routes.ts';
export { insureFromRegistry } from './service/insured.ts';
export { createPolicy } from './service/policies.ts';
export { assessClaim, payClaim, reportClaim } from './service/claims.ts';
export { policyParam } from './contract/policies.ts';
export { HOUSING_INSURANCE_MODULE_METRICS, housingInsuranceRollupRows } from './repo/rollup.ts';
