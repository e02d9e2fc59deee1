// The codes of the module: kinds of disaster and emergency-response levels (labels: labels.ts).
export const DISASTER_KINDS = ['flood', 'landslide', 'hail', 'drought', 'freeze', 'earthquake', 'fire', 'storm', 'other'] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

// 受灾户登记, 救灾物资发放, 冬春需求调查 (labels: labels.ts).
export const HOUSE_GRADES = ['collapsed', 'serious', 'general', 'none'] as const;
export type HouseGrade = (typeof HOUSE_GRADES)[number];
export const HOUSE_STRUCTURES = ['reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other'] as const;
export type HouseStructureCode = (typeof HOUSE_STRUCTURES)[number];
export const DAMAGE_STATUSES = ['recorded', 'verified', 'void'] as const;
export type DamageStatus = (typeof DAMAGE_STATUSES)[number];
/** What the household received when registered (the housing subsidy's priority groups). */
export const HOUSEHOLD_TYPES = ['ordinary', 'dibao', 'hardship_dispersed'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export const GOODS_ITEMS = ['quilt', 'clothing', 'rice', 'cooking_oil', 'water', 'tent', 'folding_bed', 'other'] as const;
export type GoodsItemCode = (typeof GOODS_ITEMS)[number];
/** 冬春 needs classes: 一类 cannot support themselves, 二类 partly, 三类 mostly. */
export const WINTER_CLASSES = ['first', 'second', 'third'] as const;
