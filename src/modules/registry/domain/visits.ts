// A home visit (入户调查) as the API takes and gives it: the visit's own facts and its files (photos of
// documents, the household's signature), checked by kernel/files/documents.ts.
import { z } from 'zod';
import { documentsSchema, signatureSchema } from '../../../kernel/files/documents.ts';
import { isoDate } from '../../../kernel/types.ts';

export const VISIT_SOURCES = ['offline', 'web'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

export const newVisitSchema = z.strictObject({
  /** The device's id for the entry (the offline app): a second POST with it answers the first visit. */
  clientId: z.uuid('clientId 应为 UUID').optional(),
  source: z.enum(VISIT_SOURCES, { message: '来源应为离线采集或网页录入' }).default('web'),
  visitedOn: isoDate,
  visitors: z.string({ message: '请填写调查人' }).trim().min(1, '请填写调查人').max(100, '调查人过长（至多100字）'),
  findings: z.string({ message: '请填写调查情况' }).trim().min(2, '请填写调查情况（至少2个字）').max(4000, '调查情况过长（至多4000字）'),
  photos: documentsSchema,
  /** The household's signature: a PNG data URL. */
  signature: signatureSchema.optional(),
});
export type NewVisit = z.output<typeof newVisitSchema>;

export const visitFileSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['photo', 'signature']),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const visitSchema = z.object({
  id: z.number().int(),
  clientId: z.string().nullable(),
  visitedOn: z.string(),
  visitors: z.string(),
  findings: z.string(),
  source: z.enum(VISIT_SOURCES),
  signatureSha256: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  files: z.array(visitFileSchema),
});
export type Visit = z.output<typeof visitSchema>;
