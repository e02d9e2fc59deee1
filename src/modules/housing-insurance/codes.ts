// The codes of 农房保险: house structures and damage grades (those of the damage register), claim statuses,
// where an insured household came from, reconciliation findings. Labels: labels.ts.
export const STRUCTURES = ['reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other'] as const;
export type Structure = (typeof STRUCTURES)[number];
export const GRADES = ['collapsed', 'serious', 'general', 'none'] as const;
export type Grade = (typeof GRADES)[number];
export const CLAIM_STATUSES = ['reported', 'assessed', 'paid', 'refused'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const INSURED_SOURCES = ['registry', 'insurer'] as const;
export type InsuredSource = (typeof INSURED_SOURCES)[number];
/** Reconciliation against the damage register: what a finding says. */
export const FINDING_KINDS = ['no_verified_damage', 'grade_differs', 'paid_twice', 'stacking_exceeded'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
/** Disaster kinds a policy may cover (the disaster module's codes). */
export const PERILS = ['flood', 'landslide', 'hail', 'drought', 'freeze', 'earthquake', 'fire', 'storm', 'other'] as const;
export type Peril = (typeof PERILS)[number];
