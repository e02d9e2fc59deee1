// The format of procedure cases (README.md beside this file): a YAML list of cases, each validated with
// zod; a malformed case fails naming the file, the case and the field.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROLES } from '../kernel/permissions.ts';
import { isIsoDate, RULE_SETS } from '../policy/index.ts';
import { PHASES } from './definition.ts';


const date = z.string().refine(isIsoDate, '应为有效日期 YYYY-MM-DD');
const role = z.enum([...ROLES, 'system']);

export const refusalSchema = z.strictObject({
  code: z.string().min(1),
  status: z.union([z.literal(400), z.literal(403), z.literal(409)]).optional(),
  /** A field the error names (a 400): `date`, `reason`, `data.staff`… */
  field: z.string().min(1).optional(),
  /** Words the message contains. */
  message: z.string().min(1).optional(),
});

/** Where the case stands in the county batch: not in one, in one not yet drawn, drawn without or with the case in the sample. */
export const BATCH = ['none', 'joined', 'not_sampled', 'sampled'] as const;

const requestSchema = z
  .strictObject({
    requestNo: z.string().regex(/^HD\d{18}$/, '核对请求编号应为 HD + 18 位数字'),
    kind: z.enum(['application', 'rescreen']).default('application'),
    requestedOn: date,
    findings: z.number().int().min(0).default(0),
    unresolvedBreaking: z.number().int().min(0).default(0),
    confirmedBreaking: z.number().int().min(0).default(0),
  })
  .refine((r) => r.unresolvedBreaking + r.confirmedBreaking <= r.findings, { message: 'findings 应不少于 unresolvedBreaking + confirmedBreaking', path: ['findings'] });

export const dueSchema = z.union([z.null(), date, z.strictObject({ date, parameter: z.string().min(1).optional(), first: date.optional() })]);

const expectSchema = z.strictObject({
  state: z.string().min(1).optional(),
  phase: z.enum(PHASES).optional(),
  /** The deadline of the next step: a date, null for none, or {date, parameter, first}. */
  due: dueSchema.optional(),
  /** The whole-case deadline (cleared once the case leaves the pending phase). */
  finalDue: z.union([z.null(), date]).optional(),
  noticeEnd: z.union([z.null(), date]).optional(),
  /** Keys of the context (a subset; null: absent). */
  context: z.record(z.string(), z.unknown()).optional(),
  flags: z.array(z.string()).optional(),
  /** The rule set whose parameters the step read (the event's date for dynamic management). */
  ruleSet: z.enum(RULE_SETS).optional(),
  /** The effect the step carries: notice, flag_complaint, death_review, decide/<kind>; null: none. */
  effect: z.union([z.null(), z.string().min(1)]).optional(),
  /** A role's next actions: those allowed and those blocked with the precondition's code. */
  next: z.strictObject({ role, allowed: z.array(z.string()).default([]), blocked: z.record(z.string(), z.string()).default({}) }).optional(),
  /** The actions that put the case in a role's inbox ([]: not in it). */
  inbox: z.strictObject({ role, actions: z.array(z.string()) }).optional(),
});
export type Expect = z.output<typeof expectSchema>;

/** External facts (other modules' records) as of a step; a step's value replaces the case's from then on. */
const factsShape = {
  batch: z.enum(BATCH).optional(),
  verification: z.array(requestSchema).optional(),
  /** The review date the last decision set (cases module), for the inbox. */
  reviewDue: z.union([z.null(), date]).optional(),
};

const stepSchema = z.strictObject({
  /** The step; without one, the entry only looks at the case on `today` (and may change the facts). */
  action: z.string().min(1).optional(),
  /** Default: the first role the action names. */
  role: role.optional(),
  date: date.optional(),
  /** The clock; default the case's `today`, else the step's date. */
  today: date.optional(),
  reason: z.string().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  ...factsShape,
  expect: expectSchema.optional(),
  refusal: refusalSchema.optional(),
});

const overlaySchema = z.strictObject({
  name: z.string().min(1),
  area: z.string().default('CN'),
  rule_set: z.enum(RULE_SETS).optional(),
  effective: date,
  /** null ends the value from `effective` (no value in force at that area). */
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]),
});

export const procedureCaseSchema = z.strictObject({
  name: z.string().min(1),
  programme: z.string().min(1),
  applied: date,
  /** The household's village (12 digits). */
  area: z.string().regex(/^\d{12}$/, '应为12位村（社区）区划代码'),
  today: date.optional(),
  flags: z.array(z.string()).default([]),
  context: z.record(z.string(), z.unknown()).default({}),
  ...factsShape,
  parameters: z.array(overlaySchema).default([]),
  /** What the opened case holds. */
  start: expectSchema.optional(),
  /** The application is refused at acceptance (e.g. a deadline parameter without a value). */
  refusal: refusalSchema.optional(),
  /** The steps in order; an entry may be a list of steps (a YAML alias of a walk written once in the file). */
  steps: z.array(z.union([stepSchema, z.array(stepSchema)])).default([]).transform((xs) => xs.flat()),
}).refine((c) => c.refusal === undefined || (c.steps.length === 0 && c.start === undefined), { message: '受理被拒绝的案件没有 start 和 steps', path: ['refusal'] });
export type ProcedureCase = z.output<typeof procedureCaseSchema> & { file: string };
export type Step = ProcedureCase['steps'][number];

/** The cases of one YAML text (a list); a malformed case fails naming the file, the case and the field. */
export function parseProcedureCases(text: string, file: string): ProcedureCase[] {
  const raw: unknown = parse(text);
  if (!Array.isArray(raw)) throw new Error(`${file}: a procedure case file is a list of cases`);
  return raw.map((entry: unknown, i) => {
    const parsed = procedureCaseSchema.safeParse(entry);
    const name = entry !== null && typeof entry === 'object' && 'name' in entry ? `"${String(entry.name)}"` : '(no name)';
    if (!parsed.success) throw new Error(`${file} case #${i + 1} ${name}:\n${z.prettifyError(parsed.error)}`);
    return { ...parsed.data, file };
  });
}

export function loadProcedureFile(path: string, file = path): ProcedureCase[] {
  return parseProcedureCases(readFileSync(path, 'utf8'), file);
}

export type DueExpectation = z.output<typeof dueSchema>;
export type RefusalExpectation = z.output<typeof refusalSchema>;
