/**
 * The household file (导入模板 / 导出): one row per member, the household's columns repeated on each
 * of its rows and grouped by 户序号. Values are Chinese labels (labels.ts), money is yuan. Incomes and
 * assets are columns of the member's row; 农业收入 and 房产价值 belong to the household as a whole and
 * are household columns (stored without a member).
 */
import {
  ASSET_KIND_LABELS, DISABILITY_KIND_LABELS, HOUSEHOLD_CATEGORY_LABELS, HUKOU_LABELS, INCOME_KIND_LABELS,
  LEFT_BEHIND_LABELS, PERSON_CATEGORY_LABELS, POVERTY_CAUSE_LABELS, RELATION_LABELS, WORK_CAPACITY_LABELS,
} from '../domain/labels.ts';
import type { AssetKind, IncomeKind, IncomePeriod, PovertyCause } from '../domain/types.ts';

export const MEMBER_SHEET = '家庭成员';
export const GUIDE_SHEET = '填写说明';

export type Level = 'household' | 'member';

export interface ItemColumn {
  kind: IncomeKind | AssetKind;
  /** Incomes only. */
  period?: IncomePeriod;
}

export interface Column {
  key: string;
  header: string;
  level: Level;
  required: boolean;
  /** What the 填写说明 sheet says about it. */
  note: string;
  /** Stored as text in the template so that Excel keeps leading zeros and all 18 digits. */
  text?: boolean;
  width: number;
  income?: ItemColumn;
  asset?: ItemColumn;
}

const labels = (m: Record<string, string>) => Object.values(m).join(' / ');
const multi = (m: Record<string, string>) => `可填多个，用“、”分隔：${labels(m)}；可空`;

const income = (kind: IncomeKind, period: IncomePeriod, level: Level = 'member'): Column => ({
  key: `income.${kind}`,
  header: `${INCOME_KIND_LABELS[kind]}(元/${period === 'month' ? '月' : '年'})`,
  level,
  required: false,
  note: `${level === 'household' ? '全户的' : '本人的'}${INCOME_KIND_LABELS[kind]}，单位元（可有两位小数），按${period === 'month' ? '月' : '年'}计；空或0表示没有${level === 'household' ? '；只在本户第一行填写' : ''}`,
  width: 14,
  income: { kind, period },
});

const asset = (kind: AssetKind, header: string, level: Level = 'member'): Column => ({
  key: `asset.${kind}`,
  header,
  level,
  required: false,
  note: `${level === 'household' ? '全户的' : '本人名下的'}${ASSET_KIND_LABELS[kind]}价值，单位元；空或0表示没有${level === 'household' ? '；只在本户第一行填写' : ''}`,
  width: 12,
  asset: { kind },
});

export const COLUMNS: readonly Column[] = [
  { key: 'group', header: '户序号', level: 'household', required: true, width: 8, text: true, note: '本文件内区分家庭的编号（如 1、2、3）；同一户的各行填相同的户序号。户级列（户序号至致贫原因、农业收入、房产价值）取本户第一行的值，其余行可留空，若填写须与第一行一致' },
  { key: 'villageCode', header: '村(社区)代码', level: 'household', required: true, width: 15, text: true, note: '12位统计用区划代码，须在您的管辖范围内' },
  { key: 'hukou', header: '户籍性质', level: 'household', required: true, width: 9, note: labels(HUKOU_LABELS) },
  { key: 'address', header: '家庭住址', level: 'household', required: true, width: 30, note: '不超过200个字' },
  { key: 'phone', header: '联系电话', level: 'household', required: false, width: 14, text: true, note: '11位手机号码或带区号的固定电话；可空' },
  { key: 'bankName', header: '开户银行', level: 'household', required: false, width: 16, note: '与银行账号同时填写或同时留空' },
  { key: 'bankAccount', header: '银行账号', level: 'household', required: false, width: 22, text: true, note: '12–30位数字' },
  { key: 'povertyFile', header: '建档立卡', level: 'household', required: false, width: 9, note: '是 / 否；空白视为否' },
  { key: 'agricultural', header: '农业人口', level: 'household', required: false, width: 9, note: '是 / 否；空白视为否' },
  { key: 'householdCategories', header: '家庭类别', level: 'household', required: false, width: 12, note: multi(HOUSEHOLD_CATEGORY_LABELS) },
  { key: 'povertyCauses', header: '致贫原因', level: 'household', required: false, width: 14, note: `可填多个，用“、”分隔，第一个为主要致贫原因：${labels(POVERTY_CAUSE_LABELS)}（也可写作因病致贫、缺劳动力等）；可空` },
  { key: 'name', header: '姓名', level: 'member', required: true, width: 10, note: '2–20个汉字（少数民族姓名可含“·”）' },
  { key: 'idNumber', header: '身份证号码', level: 'member', required: true, width: 21, text: true, note: '18位公民身份号码（15位旧号码自动升位），请以文本格式填写；同一文件中不得重复，不得已在任何地方登记' },
  { key: 'relation', header: '与户主关系', level: 'member', required: true, width: 11, note: `${labels(RELATION_LABELS)}；每户有且只有一名户主` },
  { key: 'memberHukou', header: '成员户籍', level: 'member', required: false, width: 9, note: `${labels(HUKOU_LABELS)}；空白时同户籍性质` },
  { key: 'workCapacity', header: '劳动能力', level: 'member', required: true, width: 16, note: labels(WORK_CAPACITY_LABELS) },
  { key: 'disabilityKind', header: '残疾类别', level: 'member', required: false, width: 10, note: `${labels(DISABILITY_KIND_LABELS)}；无残疾留空` },
  { key: 'disabilityGrade', header: '残疾等级', level: 'member', required: false, width: 9, note: '1–4（或一级–四级），与残疾类别同时填写' },
  { key: 'seriousIllness', header: '重病', level: 'member', required: false, width: 7, note: '是 / 否；空白视为否' },
  { key: 'student', header: '在校学生', level: 'member', required: false, width: 9, note: '是 / 否；空白视为否' },
  { key: 'memberCategories', header: '人员类别', level: 'member', required: false, width: 14, note: multi(PERSON_CATEGORY_LABELS) },
  { key: 'leftBehind', header: '留守类别', level: 'member', required: false, width: 10, note: `${labels(LEFT_BEHIND_LABELS)}；可空` },
  { key: 'memberPhone', header: '手机号码', level: 'member', required: false, width: 14, text: true, note: '11位手机号码；可空' },
  income('wage', 'month'),
  income('pension', 'month'),
  income('transfer', 'month'),
  income('assistance', 'month'),
  income('other', 'month'),
  income('business', 'year'),
  income('property', 'year'),
  income('agriculture', 'year', 'household'),
  asset('house', '房产价值(元)', 'household'),
  asset('deposit', '存款(元)'),
  asset('vehicle', '车辆价值(元)'),
  asset('securities', '有价证券(元)'),
  asset('business', '经营实体价值(元)'),
  asset('other', '其他财产(元)'),
];

export const HEADERS = COLUMNS.map((c) => c.header);
export const HOUSEHOLD_COLUMNS = COLUMNS.filter((c) => c.level === 'household');

/** Headers compared leniently: full-width parentheses and blanks do not matter. */
export function normaliseHeader(h: string): string {
  return h.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').trim();
}

const BY_HEADER = new Map(COLUMNS.map((c) => [normaliseHeader(c.header), c]));

export function columnOfHeader(header: string): Column | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}

/** label → code, for reading a file back. */
export function reverse<K extends string>(m: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
}

export const READ = {
  hukou: reverse(HUKOU_LABELS),
  relation: reverse(RELATION_LABELS),
  workCapacity: reverse(WORK_CAPACITY_LABELS),
  disabilityKind: reverse(DISABILITY_KIND_LABELS),
  leftBehind: reverse(LEFT_BEHIND_LABELS),
  householdCategories: reverse(HOUSEHOLD_CATEGORY_LABELS),
  memberCategories: reverse(PERSON_CATEGORY_LABELS),
  povertyCauses: causeNames(),
};

/** 因病 also as 因病致贫 (因灾致贫, …), 缺劳力 also as 缺劳动力. */
function causeNames(): Map<string, PovertyCause> {
  const names = reverse(POVERTY_CAUSE_LABELS);
  for (const [label, code] of [...names]) if (label.startsWith('因')) names.set(`${label}致贫`, code);
  names.set('缺劳动力', 'lack_of_labour');
  return names;
}

export const INCOME_PERIOD_BY_KIND = new Map(COLUMNS.filter((c) => c.income).map((c) => [c.income!.kind, c.income!.period!]));
