// The programmes of the registry as GET /api/v1/programmes describes them (src/modules/cases/service/
// programmes.ts): the web keeps no programme list of its own. Read once per page load and shared.
import type { Locale } from '../i18n/context.ts';
import { api } from './client.ts';

export type Phase = 'pending' | 'granted' | 'payable' | 'suspended' | 'terminal';

export interface ProgrammeLabels {
  /** 最低生活保障 */
  name: string;
  /** 低保 */
  short: string;
  /** 最低生活保障金 */
  benefit: string;
}

export interface ProgrammeItem {
  code: string;
  serialPrefix: string;
  kind: 'enrolment' | 'claim' | 'event';
  recipient: 'household' | 'person';
  openCases: string;
  /** The one-window intake may open it as a case. */
  intake: boolean;
  schedule: 'monthly' | 'one_off' | null;
  payee: string | null;
  labels: Record<Locale, ProgrammeLabels>;
  ruleSets: { ruleSet: string; label: string }[];
  states: { code: string; label: string; phase: Phase }[];
  actions: { code: string; label: string }[];
  /** JSON Schema of what the window records when it opens a case; null: nothing beyond the applicant. */
  opening: unknown;
}

export interface ProgrammeList {
  /** Case numbers: `^(DB|TK…)\d{16}$`. */
  caseNoPattern: string;
  phases: { code: Phase; label: string; labelEn: string }[];
  items: ProgrammeItem[];
}

let pending: Promise<ProgrammeList> | null = null;
let loaded: ProgrammeList | undefined;

/** The programme list, fetched on first use; a failed fetch is tried again on the next use. */
export function loadProgrammes(): Promise<ProgrammeList> {
  pending ??= api<ProgrammeList>('/programmes').then(
    (list) => {
      loaded = list;
      return list;
    },
    (err: unknown) => {
      pending = null;
      throw err;
    },
  );
  return pending;
}

/** The list if it has been read already (to render at once, without a loading pass). */
export function loadedProgrammes(): ProgrammeList | undefined {
  return loaded;
}
