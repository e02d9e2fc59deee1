// Shapes of the institution figures (GET /institutions/figures): per county of the area and in total.
import { z } from 'zod';
import { areaCode, decimalInt } from '../../../kernel/types.ts';
import { FUNDING_SOURCES, INSTITUTION_KINDS } from '../codes.ts';

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });

const count = z.number();
export const institutionFigures = z.object({
  institutions: count,
  byKind: z.record(z.enum(INSTITUTION_KINDS), count),
  nursingHomes: count,
  /** 事业单位法人登记 among nursing homes, and its rate (null without nursing homes). */
  registered: count,
  registrationRate: z.number().nullable(),
  /** Posts, staff (all kinds) and beds of the nursing homes alone. */
  nursingHomePosts: count,
  nursingHomeStaff: count,
  nursingHomeBeds: count,
  posts: count,
  staff: z.object({ management: count, care: count, medical: count, total: count }),
  beds: count,
  careBeds: count,
  /** Institutions rated in the year, by stars (keys '1'…'5'). */
  stars: z.record(z.string(), count),
  /** Projects completed in the year (new institutions), by funding source, and their amounts. */
  completedProjects: z.record(z.enum(FUNDING_SOURCES), count),
  completedAmountFen: z.record(z.enum(FUNDING_SOURCES), count),
  /** Parts other services add (e.g. bed use and 集中供养率 from placements): key → value. */
  extra: z.record(z.string(), z.number().nullable()),
});

export const figuresResult = z.object({
  area: z.string(),
  areaName: z.string(),
  year: z.number(),
  rows: z.array(institutionFigures.extend({ countyCode: z.string(), countyName: z.string() })),
  total: institutionFigures,
});
