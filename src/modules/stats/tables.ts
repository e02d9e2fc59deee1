/** Tables of the stats module (created by its migration); DB in src/db/schema.ts extends this. */
export interface StatsTables {}

declare module '../../db/schema.ts' {
  interface DB extends StatsTables {}
}
