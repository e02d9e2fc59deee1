// Chinese names of the codes staff never see: kinds of disaster, response levels, house damage, goods.
import type { DamageStatus, DisasterKind, GoodsItemCode, HouseGrade, HouseholdType, HouseStructureCode, ResponseLevel } from './codes.ts';

export const KIND_LABELS: Record<DisasterKind, string> = {
  flood: '洪涝', landslide: '滑坡泥石流', hail: '风雹', drought: '干旱', freeze: '低温冷冻和雪灾', earthquake: '地震', fire: '森林火灾', storm: '台风大风', other: '其他',
};
export const LEVEL_LABELS: Record<ResponseLevel, string> = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' };


export const GRADE_LABELS: Record<HouseGrade, string> = { collapsed: '倒塌', serious: '严重损坏', general: '一般损坏', none: '未损坏' };
export const STRUCTURE_LABELS: Record<HouseStructureCode, string> = { reinforced_concrete: '钢混', brick_concrete: '砖混', brick_wood: '砖木', earth_wood: '土木', other: '其他' };
export const DAMAGE_STATUS_LABELS: Record<DamageStatus, string> = { recorded: '待核查', verified: '已核查', void: '已作废' };
export const HOUSEHOLD_TYPE_LABELS: Record<HouseholdType, string> = { ordinary: '一般户', dibao: '低保户', hardship_dispersed: '分散供养特困户' };
/** Each item's name and the unit its quantity counts. */
export const GOODS_LABELS: Record<GoodsItemCode, { label: string; unit: string }> = {
  quilt: { label: '棉被', unit: '条' }, clothing: { label: '衣物', unit: '件' }, rice: { label: '大米', unit: '公斤' }, cooking_oil: { label: '食用油', unit: '升' },
  water: { label: '饮用水', unit: '箱' }, tent: { label: '帐篷', unit: '顶' }, folding_bed: { label: '折叠床', unit: '张' }, other: { label: '其他', unit: '件' },
};
