/**
 * The typed schema of every table, for Kysely. This file only declares the interface: each module
 * adds its own tables to it from its `tables.ts` (declaration merging, next to the migration that
 * creates them), so the database layer imports nothing from the modules.
 */
export interface DB {}
