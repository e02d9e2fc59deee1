// Chinese names of the codes staff never see: kinds of disaster and emergency-response levels.
import type { DisasterKind, ResponseLevel } from './codes.ts';

export const KIND_LABELS: Record<DisasterKind, string> = {
  flood: '洪涝', landslide: '滑坡泥石流', hail: '风雹', drought: '干旱', freeze: '低温冷冻和雪灾', earthquake: '地震', fire: '森林火灾', storm: '台风大风', other: '其他',
};
export const LEVEL_LABELS: Record<ResponseLevel, string> = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' };
