// The partner data sources (合作部门数据) of economic status verification, each with its items and the
// columns of its file template. An item's `kind` says how matching judges it against the policy limits.
export const SOURCES = [
  'hukou', 'tax', 'social_insurance', 'real_estate', 'business', 'provident_fund', 'vehicles',
  'bank_deposits', 'commercial_insurance', 'securities', 'civil_servants', 'village_cadres',
] as const;
export type Source = (typeof SOURCES)[number];

/**
 * death: the person died (a warning on a recipient); income_month / income_year: income counted against
 * the standard; financial: counted against the deposit limit; vehicle / exempt_vehicle; business; house;
 * kin: a staff member's or village cadre's relative (favouritism); info: shown, never breaks a limit.
 */
export type ItemKind = 'death' | 'income_month' | 'income_year' | 'financial' | 'vehicle' | 'exempt_vehicle' | 'business' | 'house' | 'kin' | 'info';
/** fen: money (the file has yuan); m2: square metres; none: no amount. */
export type Unit = 'fen' | 'm2' | 'none';

export interface ItemDefinition {
  label: string;
  kind: ItemKind;
  unit: Unit;
}

export interface SourceDefinition {
  label: string;
  department: string;
  /** Kinship sources: rows name an official (staff or village cadre) and one of their relatives. */
  kinship: boolean;
  items: Record<string, ItemDefinition>;
}

const money = (label: string, kind: ItemKind): ItemDefinition => ({ label, kind, unit: 'fen' });

export const SOURCE_DEFINITIONS: Record<Source, SourceDefinition> = {
  hukou: { label: '户籍登记（含死亡）', department: '公安', kinship: false, items: { death: { label: '死亡注销', kind: 'death', unit: 'none' }, moved_out: { label: '户口迁出', kind: 'info', unit: 'none' } } },
  tax: { label: '税务（个人所得）', department: '税务', kinship: false, items: { income: money('年度应税收入', 'income_year') } },
  social_insurance: { label: '社会保险和养老金', department: '人力资源社会保障', kinship: false, items: { pension: money('月养老金', 'income_month'), wage: money('月缴费工资', 'income_month') } },
  real_estate: { label: '不动产登记', department: '自然资源（不动产登记）', kinship: false, items: { house: { label: '住房', kind: 'house', unit: 'm2' }, shop: { label: '商铺', kind: 'house', unit: 'm2' } } },
  business: { label: '市场主体登记', department: '市场监督管理', kinship: false, items: { sole_trader: money('个体工商户', 'business'), company: money('企业（股东/法定代表人）', 'business') } },
  provident_fund: { label: '住房公积金', department: '住房公积金管理中心', kinship: false, items: { contribution: money('月缴存基数', 'income_month'), balance: money('账户余额', 'info') } },
  vehicles: { label: '车辆', department: '公安交通管理', kinship: false, items: { car: { label: '小型汽车', kind: 'vehicle', unit: 'none' }, truck: { label: '货车', kind: 'vehicle', unit: 'none' }, motorcycle: { label: '摩托车', kind: 'vehicle', unit: 'none' }, disability_mobility: { label: '残疾人功能性补偿代步车', kind: 'exempt_vehicle', unit: 'none' }, farm_machine: { label: '农用机械', kind: 'exempt_vehicle', unit: 'none' } } },
  bank_deposits: { label: '银行存款', department: '人民银行及商业银行', kinship: false, items: { deposit: money('存款余额', 'financial') } },
  commercial_insurance: { label: '商业保险', department: '保险监管', kinship: false, items: { policy: money('保单现金价值', 'financial') } },
  securities: { label: '证券', department: '证券登记结算', kinship: false, items: { securities: money('证券市值', 'financial') } },
  civil_servants: { label: '公职人员及其近亲属', department: '组织、人力资源社会保障', kinship: true, items: { staff: { label: '公职人员', kind: 'kin', unit: 'none' } } },
  village_cadres: { label: '村（社区）干部及其近亲属', department: '乡镇党委（组织）', kinship: true, items: { cadre: { label: '村（社区）干部', kind: 'kin', unit: 'none' } } },
};

/** Close relatives (近亲属) as kinship sources record them; `self` is the official. */
export const RELATIONS = ['self', 'spouse', 'parent', 'child', 'sibling', 'parent_in_law', 'child_in_law', 'sibling_in_law'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  self: '本人', spouse: '配偶', parent: '父母', child: '子女', sibling: '兄弟姐妹', parent_in_law: '公婆/岳父母', child_in_law: '儿媳/女婿', sibling_in_law: '兄弟姐妹的配偶/配偶的兄弟姐妹',
};

/** Fields of a partner record as files and the API carry them. */
export type RecordField = 'idNumber' | 'name' | 'birthDate' | 'item' | 'amount' | 'eventDate' | 'detail' | 'officialIdNumber' | 'officialName' | 'areaCode' | 'relation';

export interface TemplateColumn {
  field: RecordField;
  header: string;
  required: boolean;
  note: string;
}

const COMMON: TemplateColumn[] = [
  { field: 'idNumber', header: '公民身份号码', required: false, note: '18位；无身份号码时填写姓名和出生日期（按姓名+出生日期比对，匹配较弱）' },
  { field: 'name', header: '姓名', required: false, note: '' },
  { field: 'birthDate', header: '出生日期', required: false, note: 'YYYY-MM-DD' },
  { field: 'item', header: '项目', required: true, note: '' },
  { field: 'amount', header: '金额或数值', required: false, note: '金额以元为单位（两位小数）；面积为平方米' },
  { field: 'eventDate', header: '日期', required: false, note: '死亡、迁出、登记等日期 YYYY-MM-DD' },
  { field: 'detail', header: '说明', required: false, note: '车牌号、坐落、账户等' },
];

const KINSHIP: TemplateColumn[] = [
  { field: 'officialIdNumber', header: '公职人员身份号码', required: true, note: '公职人员或村（社区）干部本人' },
  { field: 'officialName', header: '公职人员姓名', required: true, note: '' },
  { field: 'areaCode', header: '任职地区代码', required: true, note: '6位县、9位乡镇或12位村代码' },
  { field: 'detail', header: '单位及职务', required: false, note: '' },
  { field: 'relation', header: '关系', required: true, note: `本人、配偶、父母、子女、兄弟姐妹、公婆/岳父母、儿媳/女婿、兄弟姐妹的配偶/配偶的兄弟姐妹` },
  { field: 'idNumber', header: '亲属身份号码', required: false, note: '18位；无号码时填写亲属姓名和出生日期' },
  { field: 'name', header: '亲属姓名', required: true, note: '' },
  { field: 'birthDate', header: '亲属出生日期', required: false, note: 'YYYY-MM-DD' },
];

export function templateColumns(source: Source): TemplateColumn[] {
  return SOURCE_DEFINITIONS[source].kinship ? KINSHIP : COMMON;
}

export const isSource = (s: string): s is Source => (SOURCES as readonly string[]).includes(s);
