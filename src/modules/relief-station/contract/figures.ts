// Requests and responses of the figures route: screenings and assistance of the stations, by county.
import { z } from 'zod';
import { areaCode, decimalInt } from '../../../kernel/types.ts';

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });
const figureRow = z.object({
  /** 排查、甄别 人次: every record met in the year. */
  screenings: z.number(),
  /** 实施救助 人次: records met in the year whose person did not refuse (accepted, sent to hospital, minor to the centre). */
  assisted: z.number(),
  /** Of them 自愿受助 (decision accepted). */
  accepted: z.number(),
  refused: z.number(),
  minors: z.number(),
  /** Exits in the year. */
  returnedHome: z.number(),
  referred: z.number(),
  /** Average days in the station of the stays that ended in the year (one decimal); null without any. */
  averageStayDays: z.number().nullable(),
});
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ countyCode: z.string(), countyName: z.string() })),
  total: figureRow,
});
