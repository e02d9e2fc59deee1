// The wishes API (微心愿, 慈善捐赠) as the pages call it.
import type { Assistance, CampaignList, Claimants, Donation, RegisterClaimantKind, Wall, WishDetail, WishFigures, WishList } from '../../../../src/modules/wishes/contract.ts';
import { api } from '../../api/client.ts';

const base = '/wishes';

export const wall = () => api<Wall>(`${base}/wall?limit=200`);
export interface WishFilter { status?: string | undefined; unclaimed?: boolean }
export function listWishes(f: WishFilter) {
  const q = new URLSearchParams({ limit: '200' });
  if (f.status) q.set('status', f.status);
  if (f.unclaimed) q.set('unclaimed', 'true');
  return api<WishList>(`${base}?${q.toString()}`);
}
export const createWish = (body: object) => api<WishDetail>(base, { method: 'POST', body });
export type WishStep = 'publish' | 'claim' | 'fulfil' | 'withdraw';
export const wishStep = (wishNo: string, step: WishStep, body: object) => api<WishDetail>(`${base}/${wishNo}/${step}`, { method: 'POST', body });
/** The register entries of the wish's county a claim may name (names only; volunteers masked). */
export const claimants = (wishNo: string, kind: RegisterClaimantKind, q: string) =>
  api<Claimants>(`${base}/${wishNo}/claimants?${new URLSearchParams({ kind, q }).toString()}`);
export const campaigns = () => api<CampaignList>(`${base}/campaigns`);
export const listDonations = (householdNo: string) => api<{ items: Donation[] }>(`${base}/donations?householdNo=${householdNo}`);
export const createDonation = (body: object) => api<Donation>(`${base}/donations`, { method: 'POST', body });
export const assistance = (householdNo: string, year: number) => api<Assistance>(`${base}/households/${householdNo}/assistance?year=${year}`);
export const figures = (year: number) => api<WishFigures>(`${base}/figures?year=${year}`);
