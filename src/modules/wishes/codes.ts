// The codes of 微心愿 and charity donations. Labels: labels.ts.
export const WISH_KINDS = ['item', 'service'] as const;
export type WishKind = (typeof WISH_KINDS)[number];
export const WISH_STATUSES = ['recorded', 'published', 'claimed', 'fulfilled', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
/** Who claims a wish: recorded by kind and name (and an optional reference), not linked to a register. */
export const CLAIMANT_KINDS = ['organisation', 'team', 'volunteer', 'donor'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
export const CONFIRMATION_KINDS = ['photo', 'signature'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];
export const DONOR_KINDS = ['organisation', 'person', 'enterprise'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];
export const DONATION_FORMS = ['cash', 'goods'] as const;
export type DonationForm = (typeof DONATION_FORMS)[number];
