// Codes of the institution register (migration 0100): kinds, statuses, funding sources.

/** 敬老院/特困供养服务机构, 社会福利院, 儿童福利院, 光荣院, 救助管理站, 未成年人救助保护中心, 精神卫生福利机构. */
export const INSTITUTION_KINDS = ['nursing_home', 'welfare_home', 'children_welfare_home', 'honour_home', 'relief_station', 'minor_protection_centre', 'mental_health_welfare'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Kinds where a 特困 person may be placed for institutional support (集中供养). */
export const SUPPORT_KINDS: readonly InstitutionKind[] = ['nursing_home', 'welfare_home', 'children_welfare_home', 'honour_home', 'mental_health_welfare'];

export const INSTITUTION_STATUSES = ['open', 'closed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** 事业单位法人登记. */
export const LEGAL_PERSON_STATUSES = ['registered', 'not_registered'] as const;
export type LegalPersonStatus = (typeof LEGAL_PERSON_STATUSES)[number];

/** 中央彩票公益金, 省级补助, 地方. */
export const FUNDING_SOURCES = ['central_lottery', 'provincial', 'local'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const PROJECT_STATUSES = ['planned', 'building', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
