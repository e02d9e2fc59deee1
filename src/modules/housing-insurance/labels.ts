// Chinese names of the codes staff never see.
import type { ClaimStatus, FindingKind, Grade, InsuredSource, Peril, Structure } from './codes.ts';

export const STRUCTURE_LABELS: Record<Structure, string> = { reinforced_concrete: '钢混', brick_concrete: '砖混', brick_wood: '砖木', earth_wood: '土木', other: '其他' };
export const GRADE_LABELS: Record<Grade, string> = { collapsed: '倒塌', serious: '严重损坏', general: '一般损坏', none: '未损' };
export const STATUS_LABELS: Record<ClaimStatus, string> = { reported: '已报案', assessed: '已查勘定损', paid: '已赔付', refused: '已拒赔' };
export const SOURCE_LABELS: Record<InsuredSource, string> = { registry: '按户籍统保', insurer: '保险公司承保清单' };
export const FINDING_LABELS: Record<FindingKind, string> = {
  no_verified_damage: '受灾户登记中无已核实的损房记录',
  grade_differs: '定损等级与受灾户登记的损毁等级不一致',
  paid_twice: '同一农房年度赔付超过保险金额（重复赔付）',
  stacking_exceeded: '保险赔款与倒损住房补助叠加超过规定',
};
export const PERIL_LABELS: Record<Peril, string> = {
  flood: '洪涝', landslide: '滑坡泥石流', hail: '风雹', drought: '干旱', freeze: '低温冷冻和雪灾', earthquake: '地震', fire: '火灾', storm: '台风大风', other: '其他',
};
