// Response shapes of the verification API: they document the routes in /api/openapi.json and serialise
// exactly what the services return (service/snapshots.ts, requests.ts, lists.ts, rescreen.ts).
import { z } from 'zod';
import { SOURCES } from './domain/sources.ts';

export const sourceList = z.array(z.object({
  source: z.enum(SOURCES), label: z.string(), department: z.string(), kinship: z.boolean(),
  items: z.array(z.object({ code: z.string(), label: z.string() })),
  columns: z.array(z.object({ header: z.string(), required: z.boolean(), note: z.string() })),
}));

export const snapshotList = z.array(z.object({
  id: z.number(), source: z.string(), label: z.string(), version: z.number(), snapshotDate: z.string(), via: z.enum(['file', 'api']),
  fileName: z.string().nullable(), rows: z.number(), importedBy: z.string(), importedAt: z.string(),
}));

export const snapshotStored = z.object({ snapshotId: z.number(), source: z.enum(SOURCES), version: z.number(), snapshotDate: z.string(), rows: z.number() });

const authorization = z.object({
  id: z.number(), signerRole: z.enum(['household', 'supporter']), signerName: z.string(), signedOn: z.string(),
  noLegalSupporter: z.boolean(), note: z.string(), recordedBy: z.string(),
});
export const authorizationList = z.object({ householdNo: z.string(), items: z.array(authorization) });
export const authorizationRecorded = z.object({ id: z.number(), householdNo: z.string() });

const finding = z.object({
  id: z.number(), source: z.string(), sourceLabel: z.string(), item: z.string(), itemLabel: z.string(), unit: z.enum(['fen', 'm2', 'none']),
  idNumber: z.string(), personName: z.string(), match: z.enum(['id', 'name_birth']), amount: z.number().nullable(), eventDate: z.string().nullable(),
  detail: z.string().nullable(), officialName: z.string().nullable(), relation: z.string().nullable(), relationLabel: z.string().nullable(),
  breaksLimit: z.boolean(), limitNote: z.string().nullable(), resolution: z.enum(['confirmed', 'explained', 'false_match']).nullable(),
  note: z.string().nullable(), resolvedBy: z.string().nullable(), resolvedOn: z.string().nullable(),
});
const requestKind = z.enum(['application', 'rescreen']);

export const caseVerification = z.object({
  caseNo: z.string(), programme: z.string(), state: z.string(), flags: z.array(z.string()),
  authorizations: z.array(authorization),
  /** The household's members who may sign its authorization (ID numbers masked). */
  members: z.array(z.object({ memberId: z.number(), name: z.string(), idNumber: z.string(), relation: z.string() })),
  /** Why a request may not be made yet; null when the authorizations are complete. */
  authorizationMissing: z.string().nullable(),
  requests: z.array(z.object({
    requestNo: z.string(), kind: requestKind, requestedOn: z.string(), requestedBy: z.string(), persons: z.number(),
    unresolvedBreaking: z.number(), confirmedBreaking: z.number(), findings: z.array(finding),
  })),
});

export const requestMade = z.object({ requestNo: z.string(), caseNo: z.string(), persons: z.number(), findings: z.number(), favouritism: z.number() });
export const findingResolved = z.object({ id: z.number(), caseNo: z.string(), resolution: z.enum(['confirmed', 'explained', 'false_match']) });

const counts = { cases: z.number(), persons: z.number(), findings: z.number(), warnings: z.number(), favouritism: z.number() };
export const rescreenResult = z.object({
  rescreenId: z.number(), asOf: z.string(), counties: z.number(), seconds: z.number(), ...counts, casesWithFindings: z.number(),
  increment: z.object({ freshCases: z.number(), newSnapshots: z.number(), cases: z.number(), persons: z.number() }),
});
export const rescreenRuns = z.array(z.object({
  id: z.number(), trigger: z.enum(['cli', 'schedule', 'api', 'bench']), startedBy: z.string(), asOf: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), ...counts,
}));

/** A finding with its case and request, a page at a time (`next`: the id to continue after, null at the end). */
export const findingPage = z.object({
  items: z.array(finding.extend({
    caseNo: z.string(), programme: z.string(), state: z.string(), caseFlags: z.array(z.string()), requestNo: z.string(), requestKind,
    requestedOn: z.string(), areaCode: z.string(), villageName: z.string(),
  })),
  next: z.number().nullable(),
});

const casePerson = { idNumber: z.string(), name: z.string(), caseNo: z.string(), areaCode: z.string(), villageName: z.string(), state: z.string() };
export const crossChecks = z.object({
  duplicateDibao: z.array(z.object({ ...casePerson, cases: z.number(), counties: z.array(z.string()) })),
  deadInPayment: z.array(z.object({ ...casePerson, dateOfDeath: z.string().nullable() })),
});
