// The intake form's values and their mapping to the API request (yuan → fen, registered or not; a case
// part's opening questions as `details`, for a programme that asks them).
import type { ProgrammeItem } from '../../api/programmes.ts';
import type { Department } from '../../api/types.ts';
import { openingDetails, openingFields } from '../cases/opening.ts';
import type { NamePath } from '../registry/fieldErrors.ts';
import type { Channel, ExpenseKind, NewPart, NewRequest, Need, WorkCapacity } from './api.ts';
import { yuanToFen } from './format.ts';

/** The programme of a code, as the registry describes it (GET /programmes). */
export type FindProgramme = (code: string) => ProgrammeItem | undefined;

export interface PartValues {
  kind: 'case' | 'referral';
  /** A programme code of the registry that the window may open. */
  programme?: string;
  /** The programme's opening questions. */
  details?: Record<string, unknown>;
  department?: Department;
  need?: Need;
  note?: string;
}

export interface Values {
  windowAreaCode: string;
  channel: Channel;
  receivedOn: string;
  personKind: 'registered' | 'unregistered';
  person: { householdNo?: string; idNumber: string; name?: string; phone?: string };
  description?: string;
  assessment: {
    householdSize: number;
    dependents?: number;
    workCapacity: WorkCapacity;
    seriousIllness: boolean;
    disability: boolean;
    rigidExpenses?: { kind: ExpenseKind; amountYuan: number; note?: string }[];
    urgent: boolean;
    note?: string;
  };
  parts: PartValues[];
}

/** The form's fields, as API paths with list indexes as '#': the server's field errors land on them. */
const ON_FORM = new Set([
  'windowAreaCode', 'channel', 'receivedOn', 'description', 'person.householdNo', 'person.idNumber', 'person.name', 'person.phone',
  'assessment.householdSize', 'assessment.dependents', 'assessment.workCapacity', 'assessment.seriousIllness', 'assessment.disability',
  'assessment.urgent', 'assessment.note', 'assessment.rigidExpenses.#.kind', 'assessment.rigidExpenses.#.amountYuan', 'assessment.rigidExpenses.#.note',
  'parts.#.kind', 'parts.#.programme', 'parts.#.department', 'parts.#.need', 'parts.#.note',
]);
/** True when the form shows the field: a fixed one, or an opening question of the programme a case part opens. */
export function onFormOf(parts: readonly PartValues[], find: FindProgramme): (path: NamePath) => boolean {
  return (path) => {
    if (ON_FORM.has(path.map((p) => (typeof p === 'number' ? '#' : p)).join('.'))) return true;
    const [head, index, details, name] = path;
    if (path.length !== 4 || head !== 'parts' || typeof index !== 'number' || details !== 'details') return false;
    const code = parts[index]?.programme;
    return code !== undefined && openingFields(find(code)).some((f) => f.name === name);
  };
}

export function toRequest(v: Values, find: FindProgramme): NewRequest {
  const person: NewRequest['person'] =
    v.personKind === 'registered'
      ? { householdNo: v.person.householdNo ?? '', idNumber: v.person.idNumber }
      : { name: v.person.name ?? '', idNumber: v.person.idNumber.trim().toUpperCase(), phone: v.person.phone ?? '' };
  const parts: NewPart[] = v.parts.map((p) =>
    p.kind === 'case'
      ? { kind: 'case', programme: p.programme ?? '', note: p.note ?? '', ...openingDetails(p.programme === undefined ? undefined : find(p.programme), p.details) }
      : { kind: 'referral', department: p.department ?? 'education', need: p.need ?? 'other', note: p.note ?? '' },
  );
  const a = v.assessment;
  return {
    windowAreaCode: v.windowAreaCode,
    channel: v.channel,
    receivedOn: v.receivedOn,
    person,
    description: v.description ?? '',
    assessment: {
      householdSize: a.householdSize,
      dependents: a.dependents ?? 0,
      workCapacity: a.workCapacity,
      seriousIllness: a.seriousIllness,
      disability: a.disability,
      rigidExpenses: (a.rigidExpenses ?? []).map((e) => ({ kind: e.kind, amountFen: yuanToFen(e.amountYuan), note: e.note ?? '' })),
      urgent: a.urgent,
      note: a.note ?? '',
    },
    parts,
  };
}
