/** Tables of the verification module (created by its migration); DB in src/db/schema.ts extends this. */
export interface VerificationTables {}
