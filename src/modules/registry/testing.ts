// Test helpers of the registry for other modules' tests: writing households straight into the tables.
export { insertHousehold } from './repo/households.ts';
export { insertMember, replaceAssets, replaceIncomes } from './repo/members.ts';
export { listRegistryHouseholds } from './repo/record.ts';
