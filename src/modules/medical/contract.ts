// The medical module's API shapes for the web (which may import a module's contract.ts only): the
// claims' and the premium-subsidy lists' response types, inferred from the routes' zod schemas.
import type { z } from 'zod';
import type { claimCreated, claimList, personYear } from './contract/claims.ts';
import type { subsidyEntry, subsidyList, subsidyListDetail } from './contract/subsidy.ts';

export type ClaimCreated = z.output<typeof claimCreated>;
export type ClaimList = z.output<typeof claimList>;
export type ClaimItem = ClaimList['items'][number];
export type PersonYear = z.output<typeof personYear>;
export type SubsidyList = z.output<typeof subsidyList>;
export type SubsidyListDetail = z.output<typeof subsidyListDetail>;
export type SubsidyEntry = z.output<typeof subsidyEntry>;
