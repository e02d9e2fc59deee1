// The settlement file's layout (一站式结算文件): one row per settled episode, Chinese headers, amounts in
// yuan. The template, the reader and the README follow this list.
import type { MedicalGroup } from '../repo/groups.ts';
import type { EpisodeKind } from '../tables.ts';

export type SettlementField =
  | 'settlementNo' | 'name' | 'idNumber' | 'group' | 'hospital' | 'kind' | 'critical'
  | 'admittedOn' | 'dischargedOn' | 'settledOn'
  | 'totalCost' | 'basicInsurance' | 'criticalInsurance' | 'eligibleSelfPay' | 'assistance' | 'tilt';

export interface SettlementColumn {
  field: SettlementField;
  header: string;
  /** The column must be in the file (a cell may still be blank where the rules allow). */
  required: boolean;
  note: string;
  width: number;
}

export const SETTLEMENT_COLUMNS: readonly SettlementColumn[] = [
  { field: 'settlementNo', header: '结算单号', required: true, note: '医保结算单号，文件内不得重复，已导入的不能再导入', width: 20 },
  { field: 'name', header: '姓名', required: true, note: '与户籍登记一致', width: 10 },
  { field: 'idNumber', header: '公民身份号码', required: true, note: '18位，须已在本县登记', width: 22 },
  { field: 'group', header: '人员类别', required: true, note: '特困人员 / 低保对象 / 低保边缘家庭成员', width: 16 },
  { field: 'hospital', header: '医疗机构名称', required: true, note: '定点医疗机构全称', width: 24 },
  { field: 'kind', header: '就诊类别', required: true, note: '门诊 / 住院', width: 10 },
  { field: 'critical', header: '重特大疾病', required: false, note: '是 / 否，空为否', width: 10 },
  { field: 'admittedOn', header: '入院（就诊）日期', required: true, note: 'YYYY-MM-DD', width: 14 },
  { field: 'dischargedOn', header: '出院日期', required: true, note: 'YYYY-MM-DD；门诊可空（即就诊当日）', width: 14 },
  { field: 'settledOn', header: '结算日期', required: true, note: 'YYYY-MM-DD，不早于入院（就诊）日期', width: 14 },
  { field: 'totalCost', header: '医疗总费用', required: true, note: '元，最多两位小数', width: 12 },
  { field: 'basicInsurance', header: '基本医保支付', required: true, note: '元', width: 12 },
  { field: 'criticalInsurance', header: '大病保险支付', required: true, note: '元，空为0；与基本医保支付之和不超过医疗总费用', width: 12 },
  { field: 'eligibleSelfPay', header: '政策范围内个人自付', required: true, note: '元', width: 16 },
  { field: 'assistance', header: '医疗救助支付', required: true, note: '元，不超过政策范围内个人自付', width: 12 },
  { field: 'tilt', header: '倾斜救助支付', required: false, note: '元，可空（为0）', width: 12 },
];

export const headerOf = (field: SettlementField): string => SETTLEMENT_COLUMNS.find((c) => c.field === field)?.header ?? field;


export const GROUP_OF_LABEL: Readonly<Record<string, MedicalGroup>> = { 特困人员: 'hardship', 特困: 'hardship', 低保对象: 'dibao', 低保: 'dibao', 低保边缘家庭成员: 'near_dibao', 低保边缘: 'near_dibao' };
export const KIND_OF_LABEL: Readonly<Record<string, EpisodeKind>> = { 门诊: 'outpatient', 住院: 'inpatient' };
export const KIND_LABELS: Readonly<Record<EpisodeKind, string>> = { outpatient: '门诊', inpatient: '住院' };
