// Chinese names of the codes staff never see (the API sends them beside the codes).
import type { ContractKind, ContractStatus, Funding, Rating, TaskKind, TaskStatus } from './codes.ts';

export const CONTRACT_KIND_LABELS: Record<ContractKind, string> = { administrative: '事务性', service: '服务性' };
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = { active: '履行中', ended: '已到期', terminated: '已终止' };
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  home_visit: '入户走访核查', dispersed_care: '特困分散供养照料', left_behind_visit: '留守人员探访', case_work: '事务性经办', other: '其他',
};
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { assigned: '待完成', done: '已完成', cancelled: '已取消' };
export const RATING_LABELS: Record<Rating, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };
export const FUNDING_LABELS: Record<Funding, string> = { contract: '政府购买服务', village: '村（社区）自聘' };
