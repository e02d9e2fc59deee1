// The facts of a household read from the database for the caseload check, without the zod parse of
// `householdFactsFromRegistry` (a fifth of the check's time over a large file): the rows come from typed
// columns, so the facts are built as that function builds them, with the schema's defaults written out.
// Kept equal to it by caseload's facts test (every field, on households of every kind of row).
import type { Category, HouseholdFacts, IncomeItem, PersonFacts } from '../../../policy/index.ts';
import { BASIC_PENSION_SOURCE, INCOME_KIND_MAP, VEHICLE_NOTE_PATTERNS } from '../../registry/index.ts';
import type { AssetFacts, FileHouseholdRow, IncomeFacts, MemberFacts } from '../repo/caseload.ts';

type VehicleKind = HouseholdFacts['assets']['vehicles'][number];
type Disability = NonNullable<PersonFacts['disability']>;
type HouseholdCategory = HouseholdFacts['categories'][number];

function income(i: IncomeFacts): IncomeItem {
  const kind = i.kind === 'pension' && i.source.includes(BASIC_PENSION_SOURCE) ? 'pension_basic' : (INCOME_KIND_MAP[i.kind] ?? 'other');
  return { kind, amount: Number(i.amount_fen), period: i.period, source: i.source };
}

const vehicleKind = (note: string): VehicleKind => VEHICLE_NOTE_PATTERNS.find(([p]) => note.includes(p))?.[1] ?? 'car';

export function factsOfRows(household: FileHouseholdRow, members: readonly MemberFacts[], incomes: readonly IncomeFacts[], assets: readonly AssetFacts[]): HouseholdFacts {
  const memberIds = new Set(members.map((m) => Number(m.id)));
  const own = new Map<number, IncomeItem[]>();
  const shared: IncomeItem[] = [];
  for (const i of incomes) {
    const id = i.member_id === null ? null : Number(i.member_id);
    if (id === null || !memberIds.has(id)) shared.push(income(i));
    else {
      const list = own.get(id);
      if (list) list.push(income(i));
      else own.set(id, [income(i)]);
    }
  }
  let deposits = 0;
  let houses = 0;
  let businessRegistered = false;
  const vehicles: VehicleKind[] = [];
  for (const a of assets) {
    if (a.kind === 'deposit' || a.kind === 'securities') deposits += Number(a.value_fen);
    else if (a.kind === 'vehicle') vehicles.push(vehicleKind(a.note));
    else if (a.kind === 'business') businessRegistered = true;
    else if (a.kind === 'house') houses += 1;
  }
  return {
    id: household.household_no,
    areaCode: household.village_code,
    members: members.map((m): PersonFacts => ({
      id: String(m.id),
      birthDate: m.birth_date,
      sex: m.sex,
      hukou: m.hukou,
      // text columns held to these values by the tables' checks (the zod parse would refuse nothing here)
      relation: m.relation as PersonFacts['relation'],
      workCapacity: m.work_capacity,
      disability: m.disability_kind !== null && m.disability_grade !== null ? { kind: m.disability_kind as Disability['kind'], grade: m.disability_grade } : null,
      seriousIllness: m.serious_illness,
      student: m.student,
      categories: m.categories as Category[],
      incomes: own.get(Number(m.id)) ?? [],
      selfCare: null,
      excluded: null,
      clergyAwaySince: null,
      hasLegalSupporter: true,
      supporterAble: true,
      hardshipSupportMode: 'home_based',
    })),
    incomes: shared,
    assets: { deposits, vehicles, businessRegistered, houses },
    categories: household.categories.filter((c): c is HouseholdCategory => c === 'family_planning' || c === 'single_parent'),
  };
}
