// The wishes module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { donation, assistance } from './contract/donations.ts';
import type { campaignList, claimants, figures, wall, wishDetail, wishList } from './contract/wishes.ts';

export { CLAIMANT_KINDS, CONFIRMATION_KINDS, DONATION_FORMS, DONOR_KINDS, REGISTER_CLAIMANT_KINDS, WISH_KINDS, WISH_STATUSES } from './codes.ts';
export type { ClaimantKind, RegisterClaimantKind, WishKind, WishStatus } from './codes.ts';
export type Wall = z.output<typeof wall>;
export type WishList = z.output<typeof wishList>;
export type WishDetail = z.output<typeof wishDetail>;
export type CampaignList = z.output<typeof campaignList>;
export type Donation = z.output<typeof donation>;
export type Assistance = z.output<typeof assistance>;
export type WishFigures = z.output<typeof figures>;
export type Claimants = z.output<typeof claimants>;
