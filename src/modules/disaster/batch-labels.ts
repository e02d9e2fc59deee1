// Chinese names of the batch codes: kinds of relief, batch states, damage grades in a claim's words.
import type { BatchKind, BatchStatus } from './tables.ts';

export const BATCH_KIND_LABELS: Record<BatchKind, string> = {
  emergency: '应急救助', transitional: '过渡期生活救助', housing: '倒损住房恢复重建', winter_spring: '冬春生活救助', bereavement: '遇难人员家属抚慰',
};
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  draft: '草拟（抽查中）', notice: '公示中', approved: '已审批', decided: '已决定', void: '已作废',
};
const GRADE: Record<string, string> = { collapsed: '倒塌', serious: '严重损坏', general: '一般损坏', none: '未损' };
const HOUSEHOLD_TYPE: Record<string, string> = { ordinary: '一般户', dibao: '低保户', hardship_dispersed: '分散供养特困人员', poor_disabled: '贫困残疾人家庭' };

/** A member's claim in words: 倒塌，低保户（重点对象） / 3人 × 92天 / 一类2人、三类1人. */
export function claimText(claim: Record<string, unknown>, priority?: readonly string[]): string {
  const n = (k: string) => Number(claim[k] ?? 0);
  switch (claim.kind) {
    case 'emergency': return `受灾${n('persons')}人`;
    case 'bereavement': return `遇难${n('deceased')}人`;
    case 'transitional': return `无房可住${n('persons')}人，${String(claim.startDate)}至${String(claim.endDate)}`;
    case 'housing': {
      const type = String(claim.householdType);
      return `房屋${GRADE[String(claim.grade)] ?? '损坏'}，${HOUSEHOLD_TYPE[type] ?? '其他户'}${priority?.includes(type) ? '（重点对象）' : ''}`;
    }
    case 'winter_spring':
      return [['first', '一类'], ['second', '二类'], ['third', '三类']].filter(([k]) => n(k!) > 0).map(([k, l]) => `${l}${n(k!)}人`).join('、');
    default: return '';
  }
}
