/** zh-CN labels of the registry's codes, for screens, exports and reading imported spreadsheets. */
import type {
  AssetKind, DisabilityKind, Hukou, HouseholdCategory, IncomeKind, IncomePeriod, LeftBehindKind,
  PersonCategory, PovertyCause, Relation, Sex, WorkCapacity,
} from './types.ts';

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };
export const HUKOU_LABELS: Record<Hukou, string> = { urban: '城镇', rural: '农村' };
export const RELATION_LABELS: Record<Relation, string> = {
  head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女', sibling: '兄弟姐妹', other: '其他',
};
export const WORK_CAPACITY_LABELS: Record<WorkCapacity, string> = {
  full: '有劳动能力', partial: '部分丧失劳动能力', none: '无劳动能力',
};
export const DISABILITY_KIND_LABELS: Record<DisabilityKind, string> = {
  physical: '肢体残疾', visual: '视力残疾', hearing: '听力残疾', speech: '言语残疾',
  intellectual: '智力残疾', mental: '精神残疾', multiple: '多重残疾',
};
export const LEFT_BEHIND_LABELS: Record<LeftBehindKind, string> = {
  child: '留守儿童', elder: '留守老人', woman: '留守妇女',
};
export const PERSON_CATEGORY_LABELS: Record<PersonCategory, string> = {
  three_nos: '三无人员', elderly: '老年人', serious_illness_disability: '重病重残', student: '在校学生',
};
export const HOUSEHOLD_CATEGORY_LABELS: Record<HouseholdCategory, string> = {
  family_planning: '计生家庭', single_parent: '单亲家庭',
};
export const INCOME_KIND_LABELS: Record<IncomeKind, string> = {
  wage: '工资性收入', business: '经营性收入', agriculture: '农业收入', property: '财产性收入',
  transfer: '转移性收入', pension: '养老金', assistance: '救助金', other: '其他收入',
};
export const INCOME_PERIOD_LABELS: Record<IncomePeriod, string> = { month: '月', year: '年' };
export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  house: '房产', vehicle: '车辆', deposit: '存款', securities: '有价证券', business: '经营实体', other: '其他财产',
};
export const POVERTY_CAUSE_LABELS: Record<PovertyCause, string> = {
  illness: '因病', disaster: '因灾', disability: '因残', schooling: '因学', lack_of_labour: '缺劳力', lack_of_skills: '缺技术', other: '其他',
};
