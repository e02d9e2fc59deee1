// Chinese labels of the register's codes, for responses and messages (the web has its own i18n keys).
import type { FundingSource, InstitutionKind, InstitutionStatus, LegalPersonStatus, ProjectStatus } from './codes.ts';

export const KIND_LABELS: Record<InstitutionKind, string> = {
  nursing_home: '敬老院（特困供养服务机构）',
  welfare_home: '社会福利院',
  children_welfare_home: '儿童福利院',
  honour_home: '光荣院',
  relief_station: '救助管理站',
  minor_protection_centre: '未成年人救助保护中心',
  mental_health_welfare: '精神卫生福利机构',
};
export const STATUS_LABELS: Record<InstitutionStatus, string> = { open: '运营', closed: '已关闭' };
export const LEGAL_PERSON_LABELS: Record<LegalPersonStatus, string> = { registered: '已登记', not_registered: '未登记' };
export const FUNDING_LABELS: Record<FundingSource, string> = { central_lottery: '中央彩票公益金', provincial: '省级补助', local: '地方资金' };
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { planned: '计划', building: '在建', completed: '竣工' };
