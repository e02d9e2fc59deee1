/**
 * Record types of the household registry (家庭与成员). Dates are ISO `YYYY-MM-DD` strings; money is
 * always an integer number of fen (分). Names follow spec/glossary.md.
 */
import type { Sex } from '../../../kernel/id-number.ts';

export type { Sex };
export const HUKOU_VALUES = ['urban', 'rural'] as const;
export type Hukou = (typeof HUKOU_VALUES)[number];

export const HOUSEHOLD_CATEGORIES = ['family_planning', 'single_parent'] as const;
/** 计生家庭, 单亲家庭 */
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export const PERSON_CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student'] as const;
/** 三无人员, 老年人, 重病重残, 在校学生 */
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const POVERTY_CAUSES = ['illness', 'disaster', 'disability', 'schooling', 'lack_of_labour', 'lack_of_skills', 'other'] as const;
/** 致贫原因: 因病, 因灾, 因残, 因学, 缺劳力, 缺技术, 其他 */
export type PovertyCause = (typeof POVERTY_CAUSES)[number];

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
/** Relation to the head of household (户主). */
export type Relation = (typeof RELATIONS)[number];

export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export type WorkCapacity = (typeof WORK_CAPACITIES)[number];

export const DISABILITY_KINDS = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'] as const;
/** 肢体, 视力, 听力, 言语, 智力, 精神, 多重 */
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];
/** 残疾等级: 1 is the most severe. */
export type DisabilityGrade = 1 | 2 | 3 | 4;

export const LEFT_BEHIND_KINDS = ['child', 'elder', 'woman'] as const;
/** 留守儿童 / 老人 / 妇女 */
export type LeftBehindKind = (typeof LEFT_BEHIND_KINDS)[number];

export const INCOME_KINDS = ['wage', 'business', 'agriculture', 'property', 'transfer', 'pension', 'assistance', 'other'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
export const INCOME_PERIODS = ['month', 'year'] as const;
export type IncomePeriod = (typeof INCOME_PERIODS)[number];

export const ASSET_KINDS = ['house', 'vehicle', 'deposit', 'securities', 'business', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface Household {
  /** Unique business number: county code + 8 digits. */
  householdNo: string;
  countyCode: string;
  villageCode: string;
  hukou: Hukou;
  address: string;
  phone: string;
  /** Empty until the household gives an account for payment. */
  bankName: string;
  bankAccount: string;
  /** 建档立卡 */
  povertyFile: boolean;
  /** 农业人口 */
  agricultural: boolean;
  categories: HouseholdCategory[];
  /** 致贫原因 (none recorded: empty); the main one is one of them, null exactly when there is none. */
  povertyCauses?: PovertyCause[];
  mainPovertyCause?: PovertyCause | null;
}

export interface Member {
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  relation: Relation;
  hukou: Hukou;
  workCapacity: WorkCapacity;
  disabilityKind: DisabilityKind | null;
  disabilityGrade: DisabilityGrade | null;
  seriousIllness: boolean;
  student: boolean;
  categories: PersonCategory[];
  leftBehind: LeftBehindKind | null;
  phone?: string;
}

export interface IncomeItem {
  /** null: income of the household as a whole (e.g. farming). */
  memberIdNumber: string | null;
  kind: IncomeKind;
  amountFen: number;
  period: IncomePeriod;
  source: string;
}

export interface Asset {
  memberIdNumber: string | null;
  kind: AssetKind;
  valueFen: number;
  note: string;
}

/** One household with everything that belongs to it, as the demo generator and imports produce it. */
export interface HouseholdRecord {
  household: Household;
  members: Member[];
  incomes: IncomeItem[];
  assets: Asset[];
}
