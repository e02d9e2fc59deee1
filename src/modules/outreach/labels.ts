// Chinese names of the codes (the API sends them beside the codes).
import type { Outcome, OutreachKind, TaskStatus } from './codes.ts';

export const KIND_LABELS: Record<OutreachKind, string> = { eligible_uncovered: '符合低保条件未纳入', near_dibao: '低保边缘家庭', poverty_uncovered: '建档立卡未纳入救助' };
export const STATUS_LABELS: Record<TaskStatus, string> = { open: '待走访', closed: '已办结' };
export const OUTCOME_LABELS: Record<Outcome, string> = { visited_not_eligible: '已走访，不符合条件', invited: '已告知政策、邀请申请', applied: '已提出申请', declined: '家庭不愿申请', not_found: '未找到该户' };
