// The institutions module's API shapes for the web (which may import a module's contract.ts only),
// inferred from the routes' zod schemas, and the codes the web offers as choices.
import type { z } from 'zod';
import type { institutionDetail, institutionList, newInstitutionSchema, newProjectSchema, newRatingSchema, projectView, ratingView, updateInstitutionSchema } from './contract/institutions.ts';
import type { figuresResult } from './contract/figures.ts';

export { FUNDING_SOURCES, INSTITUTION_KINDS, SUPPORT_KINDS, INSTITUTION_STATUSES, LEGAL_PERSON_STATUSES, PROJECT_STATUSES } from './codes.ts';
export type { FundingSource, InstitutionKind, InstitutionStatus, LegalPersonStatus, ProjectStatus } from './codes.ts';
export type InstitutionList = z.output<typeof institutionList>;
export type InstitutionItem = InstitutionList['items'][number];
export type InstitutionDetail = z.output<typeof institutionDetail>;
export type RatingView = z.output<typeof ratingView>;
export type ProjectView = z.output<typeof projectView>;
export type NewInstitution = z.input<typeof newInstitutionSchema>;
export type InstitutionUpdate = z.input<typeof updateInstitutionSchema>;
export type NewRating = z.input<typeof newRatingSchema>;
export type NewProject = z.input<typeof newProjectSchema>;
export type InstitutionFigures = z.output<typeof figuresResult>;
