// Chinese labels of the premium-subsidy codes (the web shows these, never the codes).
import type { SubsidyGroup, SubsidyStatus } from '../contract/subsidy.ts';
import type { SubsidyResult } from '../tables.ts';

export const STATUS_LABELS: Record<SubsidyStatus, string> = { draft: '待审核', reviewed: '已审核', approved: '已审批', exported: '已报送', void: '已作废' };
export const GROUP_LABELS: Record<SubsidyGroup, string> = { hardship: '特困人员', dibao: '低保对象' };
export const RESULT_LABELS: Record<SubsidyResult, string> = { pending: '待反馈', enrolled: '已参保', refused: '未参保' };
export const PAYEE = '医疗保障经办机构';

export const groupLabel = (g: string): string => (g === 'hardship' || g === 'dibao' ? GROUP_LABELS[g] : g);
