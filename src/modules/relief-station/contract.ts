// The relief-station module's API shapes for the web (which may import a module's contract.ts only),
// inferred from the routes' zod schemas, and the codes the web offers as choices.
import type { z } from 'zod';
import type { recordDetail, recordList, stationList } from './contract/records.ts';
import type { figures } from './contract/figures.ts';

export {
  DECISIONS, EXIT_KINDS, HANDOVERS, HEALTHS, IDENTITY_STATUSES, LONG_STAY_KINDS, MENTAL_ILLNESS, PLAIN_EXITS, SEARCH_METHODS, SERVICES, SEXES, SOURCES,
  STATUSES, TIMELINE_KINDS, TRANSPORTS,
} from './codes.ts';
export type { Decision, ExitKind, Status, TimelineKind } from './codes.ts';
export type RecordList = z.output<typeof recordList>;
export type RecordItem = RecordList['items'][number];
export type RecordDetail = z.output<typeof recordDetail>;
export type StationList = z.output<typeof stationList>;
export type ReliefFigures = z.output<typeof figures>;
