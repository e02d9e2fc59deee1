// Chinese names of the codes staff never see (the API sends them beside the codes).
import type { OrgKind, OrgStatus, Skill } from './codes.ts';

export const ORG_KIND_LABELS: Record<OrgKind, string> = { charity: '慈善组织', volunteer_org: '志愿服务组织', social_work: '社会工作服务机构', other: '其他社会组织' };
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { active: '正常', dissolved: '已注销' };
export const SKILL_LABELS: Record<Skill, string> = { medical: '医疗卫生', education: '教育辅导', care_elderly: '养老照护', psychological: '心理疏导', legal: '法律服务', other: '其他' };
