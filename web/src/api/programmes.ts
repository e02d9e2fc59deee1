// The programmes of the registry as GET /api/v1/programmes describes them (src/modules/cases/service/
// programmes.ts): the web keeps no programme list of its own. Read once per page load and shared.
import { api } from './client.ts';

import type { ProgrammeList } from '../../../src/modules/cases/contract.ts';

export type { ProgrammeList };
export type ProgrammeItem = ProgrammeList['items'][number];
export type Phase = ProgrammeList['phases'][number]['code'];
export type ProgrammeLabels = ProgrammeItem['labels']['zh-CN'];

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
