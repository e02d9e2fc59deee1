// The codes of 微心愿 and charity donations. Labels: labels.ts.
export const WISH_KINDS = ['item', 'service'] as const;
export type WishKind = (typeof WISH_KINDS)[number];
export const WISH_STATUSES = ['recorded', 'published', 'claimed', 'fulfilled', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
/** Who claims a wish: an entry of the volunteers register (organisation, team, volunteer) or a donor by name. */
export const CLAIMANT_KINDS = ['organisation', 'team', 'volunteer', 'donor'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
/** The claimant kinds taken from the volunteers register. */
export const REGISTER_CLAIMANT_KINDS = ['organisation', 'team', 'volunteer'] as const;
export type RegisterClaimantKind = (typeof REGISTER_CLAIMANT_KINDS)[number];
export const CONFIRMATION_KINDS = ['photo', 'signature'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];
export const DONOR_KINDS = ['organisation', 'person', 'enterprise'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];
export const DONATION_FORMS = ['cash', 'goods'] as const;
export type DonationForm = (typeof DONATION_FORMS)[number];
