import type { HardshipOrigin } from '../../programmes/hardship/origin.ts';

// The caseload file's layout (存量对象导入文件): one row per case of the previous system (a 低保 household or
// a 特困 person), Chinese headers, amounts in yuan. The template, the reader and the README follow this list.
export type CaseloadField =
  | 'householdNo' | 'programme' | 'category' | 'institution' | 'idNumber' | 'members'
  | 'approvedOn' | 'amount' | 'lastReviewOn' | 'closedOn' | 'origin';

export interface CaseloadColumn {
  field: CaseloadField;
  header: string;
  /** The column must be in the file (a cell may still be blank where the rules allow). */
  required: boolean;
  note: string;
  width: number;
}

export const CASELOAD_COLUMNS: readonly CaseloadColumn[] = [
  { field: 'householdNo', header: '户编号', required: true, width: 16, note: '14位户编号：家庭须已登记（先用“家庭导入”导入家庭），且属于导入的县' },
  { field: 'programme', header: '救助项目', required: true, width: 10, note: '低保 / 特困' },
  { field: 'category', header: '类别', required: true, width: 12, note: '低保：A类（长期困难）/ B类（收入基本稳定）/ C类（收入不稳定），决定复核周期；特困：集中供养 / 分散供养' },
  { field: 'institution', header: '供养机构', required: false, width: 24, note: '特困集中供养必填：本县供养服务机构的名称，与机构登记一致；其他留空' },
  { field: 'idNumber', header: '对象身份证号码', required: false, width: 21, note: '特困必填：被供养人本人（须为该户登记成员）；低保可空（申请人，默认户主）' },
  { field: 'members', header: '保障成员身份证号码', required: false, width: 30, note: '低保可空：享受保障的成员，多个用“、”分隔（须为该户登记成员）；空表示全户成员' },
  { field: 'approvedOn', header: '批准日期', required: true, width: 12, note: 'YYYY-MM-DD，原系统的批准日期，不晚于今天' },
  { field: 'amount', header: '月保障金额', required: true, width: 12, note: '元，最多两位小数，大于0：原系统核定的每月金额，原样导入；与按登记信息计算的金额不同时只作提示' },
  { field: 'lastReviewOn', header: '最近复核日期', required: false, width: 12, note: 'YYYY-MM-DD，可空；不早于批准日期，不晚于今天；下次复核日期由它（或批准日期）加复核周期得出' },
  { field: 'closedOn', header: '终止日期', required: false, width: 12, note: 'YYYY-MM-DD，可空（仍在保）；原系统已终止的案件填写终止日期，不早于批准日期，不晚于今天：导入为已退出，只发放到终止日期所在月' },
  { field: 'origin', header: '供养类别', required: false, width: 10, note: '特困可填：五保 / 三无 / 孤儿（统计按此分类）；空表示按登记信息在批准日期认定（未成年且户内无父母辈为孤儿，否则农业户口为五保、非农业户口为三无）；低保不填' },
];

export const headerOf = (field: CaseloadField): string => CASELOAD_COLUMNS.find((c) => c.field === field)?.header ?? field;


/** The programmes a previous system's caseload file carries (the file's 救助项目 column). */
export const CASELOAD_PROGRAMMES = ['dibao', 'hardship'] as const;
export type CaseloadProgramme = (typeof CASELOAD_PROGRAMMES)[number];
export const PROGRAMME_OF_LABEL: Readonly<Record<string, CaseloadProgramme>> = {
  低保: 'dibao', 最低生活保障: 'dibao', 特困: 'hardship', 特困供养: 'hardship', 特困人员救助供养: 'hardship',
};
export const PROGRAMME_LABELS: Readonly<Record<CaseloadProgramme, string>> = { dibao: '低保', hardship: '特困' };

/** 低保 A/B/C类 → the household's stability (which sets the review interval). */
export type Stability = 'chronic' | 'stable' | 'unstable';
export const STABILITY_OF_CATEGORY: Readonly<Record<string, Stability>> = {
  A类: 'chronic', A: 'chronic', B类: 'stable', B: 'stable', C类: 'unstable', C: 'unstable',
};
/** 特困 供养类别 → the origin the statistics count (src/programmes/hardship/origin.ts). */
export const ORIGIN_OF_LABEL: Readonly<Record<string, HardshipOrigin>> = {
  五保: 'five_guarantees', 农村五保: 'five_guarantees', 三无: 'three_nos', 城市三无: 'three_nos', 孤儿: 'orphan',
};
export type SupportMode = 'institutional' | 'home_based';
export const MODE_OF_CATEGORY: Readonly<Record<string, SupportMode>> = { 集中供养: 'institutional', 集中: 'institutional', 分散供养: 'home_based', 分散: 'home_based' };
