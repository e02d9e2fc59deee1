// 政策找人, the citizen's side: a citizen whose household the warnings listed (an open task, or one closed as
// "invited") is told, when they sign in to the portal, which help they may apply for. Only their own
// households: the registry's scoped root with the citizen's scope finds nothing else.
import type { Database } from '../../../db/engine.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';
import { findHousehold } from '../../registry/index.ts';
import type { OutreachKind } from '../codes.ts';

export interface CitizenSuggestion {
  householdNo: string;
  kind: OutreachKind;
  /** The programme to apply for (its code), or null when the suggestion is to check the policy first. */
  programme: string | null;
  title: string;
  message: string;
}

const SUGGESTIONS: Record<OutreachKind, { programme: string | null; title: string; message: string }> = {
  eligible_uncovered: {
    programme: 'dibao',
    title: '您家可能符合最低生活保障条件',
    message: '根据民政部门掌握的家庭收入和人口情况，您家可能符合低保条件，可以在线申请，或到乡镇（街道）便民服务窗口申请。结果以审核为准。',
  },
  poverty_uncovered: {
    programme: 'dibao',
    title: '您家可以申请社会救助',
    message: '您家已建档立卡，尚未纳入社会救助。如家庭生活困难，可以在线申请低保或临时救助，或联系村（居）委会。',
  },
  near_dibao: {
    programme: null,
    title: '您家可能符合部分救助政策',
    message: '您家收入接近当地低保标准。遇到因病、因灾、因学等突发困难时，可以申请临时救助或专项救助；请先用“政策计算器”看看可以申请哪些救助。',
  },
};

/** The suggestions for the citizen's own households, one per household and kind, oldest task first. */
export async function citizenSuggestions(db: Database, scope: CitizenScope): Promise<CitizenSuggestion[]> {
  const out: CitizenSuggestion[] = [];
  for (const no of scope.households) {
    const h = await findHousehold(db.kysely, scope, no);
    if (!h) continue;
    const rows = await db.kysely
      .selectFrom('outreach_tasks')
      .select('kind')
      .distinct()
      .where('county_code', '=', h.key.countyCode)
      .where('household_id', '=', h.key.householdId)
      .where((eb) => eb.or([eb('status', '=', 'open'), eb('outcome', '=', 'invited')]))
      .orderBy('kind')
      .execute();
    for (const r of rows) out.push({ householdNo: h.household_no, kind: r.kind, ...SUGGESTIONS[r.kind] });
  }
  return out;
}
