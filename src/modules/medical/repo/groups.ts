// Who is a medical-assistance recipient, and in which group: a person supported as 特困 (the hardship
// programme's person entitlement) is in `hardship`; otherwise a member of a household receiving 低保
// is in `dibao` — as of a month, from the entitlements in force (amount > 0). The same query serves
// the premium-subsidy list (a county at once), the settlement import (its rows' ID numbers) and a
// claim (one person). 低保边缘 (`near_dibao`) is not an enrolment here: a claim or a settlement row
// declares it.
import { sql, type RawBuilder } from 'kysely';

/** Groups in priority order, with the programme whose entitlement makes a person a member. */
export const RECIPIENT_GROUPS = [
  { group: 'hardship', programme: 'hardship', label: '特困人员' },
  { group: 'dibao', programme: 'dibao', label: '低保对象' },
] as const;
/** Every group a claim or settlement may be assessed for (the parameters are per group). */
export const MEDICAL_GROUPS = ['hardship', 'dibao', 'near_dibao'] as const;
export type MedicalGroup = (typeof MEDICAL_GROUPS)[number];
export const GROUP_LABELS: Record<MedicalGroup, string> = { hardship: '特困人员', dibao: '低保对象', near_dibao: '低保边缘家庭成员' };

export interface RecipientRow {
  county_code: string;
  member_id: number;
  household_id: number;
  /** The household's village. */
  area_code: string;
  name: string;
  id_number: string;
  group: MedicalGroup;
  case_no: string;
}

/**
 * Recipients of a county on a month (`YYYY-MM`), one row per person (the first group of
 * `RECIPIENT_GROUPS` wins), optionally only the given ID numbers.
 */
export function recipientsQuery(countyCode: string, month: string, idNumbers?: readonly string[]): RawBuilder<RecipientRow> {
  const groups = JSON.stringify(RECIPIENT_GROUPS.map((g, rank) => ({ group: g.group, programme: g.programme, rank })));
  const only = idNumbers ? sql`and m.id_number in (select x from jsonb_array_elements_text(cast(${JSON.stringify(idNumbers)} as jsonb)) as t (x))` : sql``;
  return sql<RecipientRow>`
    with g as (select * from jsonb_to_recordset(cast(${groups} as jsonb)) as g ("group" text, programme text, rank int)),
    seg as (
      select e.county_code, e.recipient_kind, e.recipient_id, e.case_id, g."group", g.rank
      from entitlement_segments e join g on g.programme = e.programme
      where e.county_code = ${countyCode} and e.schedule = 'monthly' and e.amount_fen > 0
        and e.from_month <= ${month} and (e.until_month is null or e.until_month >= ${month})
    ),
    p as (
      select s.county_code, m.id as member_id, s.case_id, s."group", s.rank
      from seg s join members m on m.county_code = s.county_code and m.id = s.recipient_id
      where s.recipient_kind = 'person' ${only}
      union all
      select s.county_code, m.id, s.case_id, s."group", s.rank
      from seg s join members m on m.county_code = s.county_code and m.household_id = s.recipient_id
      where s.recipient_kind = 'household' ${only}
    )
    select distinct on (p.county_code, p.member_id)
      p.county_code, p.member_id, m.household_id, h.village_code as area_code, m.name, m.id_number, p."group", c.case_no
    from p
    join members m on m.county_code = p.county_code and m.id = p.member_id
    join households h on h.county_code = m.county_code and h.id = m.household_id
    join cases c on c.county_code = p.county_code and c.id = p.case_id
    order by p.county_code, p.member_id, p.rank, p.case_id`;
}
