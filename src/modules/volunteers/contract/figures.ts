// Requests and responses of the figures route: organisations by kind, teams, volunteers, confirmed hours of a year, by county.
import { z } from 'zod';
import { areaCode, decimalInt } from '../../../kernel/types.ts';

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });
const figureRow = z.object({
  /** Active organisations at the end of the year (registered by then), by kind. */
  charities: z.number(), volunteerOrgs: z.number(), socialWork: z.number(), otherOrgs: z.number(), organisations: z.number(),
  teams: z.number(),
  /** Volunteers registered by the end of the year. */
  volunteers: z.number(),
  /** Confirmed service records served in the year, their minutes and hours (two decimals), and the volunteers who served. */
  records: z.number(), minutes: z.number(), hours: z.number(), servingVolunteers: z.number(),
});
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ countyCode: z.string(), countyName: z.string() })),
  total: figureRow,
});
