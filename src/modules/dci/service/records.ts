// Registry records in the spec's shapes (Group = household, Member = person: the `Group`/`Member` objects of the
// SearchResponse example), showing only the client's attributes, masked unless granted unmasked.
import { maskIdNumber, maskMiddle, maskName, maskPhone } from '../../../kernel/mask.ts';
import { MASKED, type Attribute } from '../attributes.ts';
import type { HouseholdRow } from '../repo/search.ts';
import { chinaTimestamp } from '../time.ts';

type Member = HouseholdRow['members'][number];
export type JsonRecord = Record<string, unknown>;

export interface View {
  attributes: ReadonlySet<Attribute>;
  unmasked: ReadonlySet<Attribute>;
  today: string;
}

const MASKERS: Record<'name' | 'id_number' | 'address' | 'phone', (v: string) => string> = {
  name: maskName,
  id_number: maskIdNumber,
  address: (v) => maskMiddle(v, 6, 0),
  phone: maskPhone,
};

/** The value of an attribute as the client may see it: absent (undefined) without the grant, masked unless unmasked. */
function shown(view: View, attribute: Attribute, value: string): string | undefined {
  if (!view.attributes.has(attribute)) return undefined;
  if (MASKED.has(attribute) && !view.unmasked.has(attribute)) return MASKERS[attribute as keyof typeof MASKERS](value);
  return value;
}

function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const compact = (o: JsonRecord): JsonRecord => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function memberRecord(m: Member, h: HouseholdRow, view: View): JsonRecord {
  const name = shown(view, 'name', m.name);
  const id = shown(view, 'id_number', m.id_number);
  return compact({
    '@type': 'Member',
    member_identifier: id === undefined ? undefined : [{ '@type': 'Identifier', identifier_type: 'UIN', identifier_value: id }],
    demographic_info: compact({
      '@type': 'SRPerson',
      identifier: id === undefined ? undefined : [{ '@type': 'Identifier', identifier_type: 'UIN', identifier_value: id }],
      name: name === undefined ? undefined : { '@type': 'Name', given_name: name },
      sex: view.attributes.has('sex') ? m.sex : undefined,
      birth_date: view.attributes.has('birth_date') ? m.birth_date : undefined,
      age: view.attributes.has('age') ? ageOn(m.birth_date, view.today) : undefined,
      phone_number: m.phone ? shown(view, 'phone', m.phone) : undefined,
    }),
    relationship_head: view.attributes.has('relation') ? m.relation : undefined,
    hukou: view.attributes.has('hukou') ? m.hukou : undefined,
    categories: view.attributes.has('categories') ? m.categories : undefined,
    is_disabled: view.attributes.has('disability') ? m.disability_kind !== null : undefined,
    disability_info: view.attributes.has('disability') && m.disability_kind !== null ? { disability_type: m.disability_kind, functional_severity: m.disability_grade } : undefined,
    group_identifier: [{ '@type': 'Identifier', identifier_type: 'HOUSEHOLD_ID', identifier_value: h.household_no }],
  });
}

export function groupRecord(h: HouseholdRow, view: View): JsonRecord {
  const head = h.members.find((m) => m.relation === 'head') ?? h.members[0];
  return compact({
    '@type': 'Group',
    group_identifier: [{ '@type': 'Identifier', identifier_type: 'HOUSEHOLD_ID', identifier_value: h.household_no }],
    group_type: 'household',
    group_size: h.members.length,
    place: view.attributes.has('area') ? { '@type': 'Place', area_code: h.village_code, area_name: h.village_name } : undefined,
    place_address: h.address ? shown(view, 'address', h.address) : undefined,
    hukou: view.attributes.has('hukou') ? h.hukou : undefined,
    categories: view.attributes.has('categories') ? h.categories : undefined,
    programmes: view.attributes.has('programme') ? h.programmes : undefined,
    group_head_info: head ? memberRecord(head, h, view) : undefined,
    member_list: h.members.map((m) => memberRecord(m, h, view)),
    registration_date: chinaTimestamp(h.created_at),
    last_updated: chinaTimestamp(h.updated_at),
  });
}
