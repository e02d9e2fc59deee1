/** Tables of the payroll module (created by its migration); DB in src/db/schema.ts extends this. */
export interface PayrollTables {}
