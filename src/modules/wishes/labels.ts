// Chinese names of the codes (the API sends them beside the codes).
import type { ClaimantKind, ConfirmationKind, DonationForm, DonorKind, WishKind, WishStatus } from './codes.ts';

export const KIND_LABELS: Record<WishKind, string> = { item: '物品', service: '服务' };
export const STATUS_LABELS: Record<WishStatus, string> = { recorded: '已登记', published: '已发布', claimed: '已认领', fulfilled: '已实现', withdrawn: '已撤回' };
export const CLAIMANT_LABELS: Record<ClaimantKind, string> = { organisation: '社会组织', team: '志愿服务队伍', volunteer: '志愿者', donor: '爱心人士' };
export const CONFIRMATION_LABELS: Record<ConfirmationKind, string> = { photo: '照片', signature: '签字确认' };
export const DONOR_LABELS: Record<DonorKind, string> = { organisation: '社会组织', person: '个人', enterprise: '企业' };
export const FORM_LABELS: Record<DonationForm, string> = { cash: '现金', goods: '物资' };
