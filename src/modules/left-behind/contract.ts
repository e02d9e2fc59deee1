// The left-behind module's API shapes for the web (which may import a module's contract.ts only),
// inferred from the routes' zod schemas, and the codes the web offers as choices.
import type { z } from 'zod';
import type { figures, personFile, surveyList, surveyRecorded, warningList } from './contract/records.ts';

export { ACTIONS, CARER_KINDS, KINDS, RISKS, WARNINGS } from './codes.ts';
export type { Action, CarerKind, Kind, Risk, Warning } from './codes.ts';
export { ACTION_LABELS, CARER_LABELS, KIND_LABELS, RISK_LABELS, WARNING_LABELS } from './labels.ts';
export type SurveyList = z.output<typeof surveyList>;
export type SurveyItem = SurveyList['items'][number];
export type SurveyRecorded = z.output<typeof surveyRecorded>;
export type PersonFile = z.output<typeof personFile>;
export type WarningList = z.output<typeof warningList>;
export type LeftBehindFigures = z.output<typeof figures>;
