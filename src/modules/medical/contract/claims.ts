// Request and response shapes of the claims routes (医疗救助申请): what the web's claims page sends and reads.
import { z } from 'zod';
import { decimalInt, householdNo, idNumber, isoDate } from '../../../kernel/types.ts';

export const newClaimSchema = z.strictObject({
  householdNo,
  applicantIdNumber: idNumber,
  appliedOn: isoDate.optional(),
  /** The claim as the programme's opening asks it (GET /programmes, `medical`): hospital, dates, amounts in fen. */
  details: z.record(z.string(), z.unknown()),
  /** The one-window referral to 医保 this claim answers. */
  referralId: z.number().int().positive().optional(),
  note: z.string().max(1000).default(''),
});

export const claimCreated = z.object({ caseNo: z.string(), state: z.string(), dueDate: z.string().nullable(), referralId: z.number().nullable() });

export const claimListQuery = z.strictObject({
  area: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字').optional(),
  year: decimalInt(2000, 2100).optional(),
  status: z.enum(['pending', 'paid', 'void'], { message: '状态应为 pending、paid 或 void' }).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

const episode = z.object({
  source: z.enum(['settlement', 'claim']),
  sourceLabel: z.string(),
  caseNo: z.string().nullable(),
  caseState: z.string().nullable(),
  caseStateLabel: z.string().nullable(),
  settlementNo: z.string().nullable(),
  hospital: z.string(),
  kind: z.enum(['outpatient', 'inpatient']),
  kindLabel: z.string(),
  critical: z.boolean(),
  group: z.string(),
  groupLabel: z.string(),
  admittedOn: z.string(),
  dischargedOn: z.string(),
  totalCostFen: z.number(),
  eligibleSelfPayFen: z.number(),
  assistanceFen: z.number(),
  tiltFen: z.number(),
  status: z.enum(['pending', 'paid', 'void']),
  statusLabel: z.string(),
});

export const claimList = z.object({
  items: z.array(episode.extend({ id: z.number(), name: z.string(), idNumber: z.string(), areaCode: z.string(), areaName: z.string() })),
  next: z.number().nullable(),
});

export const personYearQuery = z.strictObject({ idNumber, year: z.number().int().min(2000).max(2100) });
export const personYear = z.object({
  idNumber: z.string(),
  name: z.string().nullable(),
  year: z.number(),
  episodes: z.array(episode),
  totals: z.object({ outpatientFen: z.number(), inpatientFen: z.number(), criticalFen: z.number(), tiltFen: z.number(), totalFen: z.number(), times: z.number() }),
});
