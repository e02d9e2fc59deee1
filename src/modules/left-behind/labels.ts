// Chinese names of the codes (the API sends them beside the codes).
import type { Action, CarerKind, Kind, Risk, Warning } from './codes.ts';

export const KIND_LABELS: Record<Kind, string> = { child: '留守儿童', elder: '留守老人', woman: '留守妇女' };
export const RISK_LABELS: Record<Risk, string> = { no_guardian: '无人监护', living_alone: '独居', ill: '患病', disabled: '残疾', dropout: '辍学', poverty: '生活困难' };
export const CARER_LABELS: Record<CarerKind, string> = { village_cadre: '村（社区）干部', volunteer: '志愿者', purchased_service: '政府购买服务', relative: '亲属' };
export const WARNING_LABELS: Record<Warning, string> = {
  no_visit: '超期未走访', no_guardian: '留守儿童无有效监护', alone_ill: '留守老人独居且患病', visit_risk: '走访发现风险',
};
export const ACTION_LABELS: Record<Action, string> = { referral: '转介相关部门', temporary_case: '启动临时救助', none: '无需处置' };
