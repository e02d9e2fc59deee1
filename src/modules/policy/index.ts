// Public surface of the policy module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { policyRoutes } from './routes.ts';
export { addValue, databaseParameterSet, markParametersUsed, newValueSchema, parameterRows, syncParameterFiles } from './service/parameters.ts';
export { dibaoAssessmentParameters, dibaoAssessmentQuery } from './service/assessment.ts';
export type { AreaFilter, DibaoAssessmentParameters, DibaoAssessmentRow } from './service/assessment.ts';
export { dibaoBenefitParameters, dibaoBenefitQuery } from './service/benefit-twin.ts';
export { benefitQuery } from './repo/twin-benefit.ts';
export type { BenefitMember, DibaoBenefitParameters, DibaoBenefitRow, ParameterDocument } from './service/benefit-twin.ts';
