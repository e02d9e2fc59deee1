// The programme registry: one line per programme. Everything else — case numbers and their pattern,
// the programmes table, the web's lists and labels — is derived from it.
import './error-codes.ts';
import { AppError } from '../kernel/errors.ts';
import type { RuleSet } from '../policy/index.ts';
import type { CaseContext, WorkflowDefinition } from '../workflow/definition.ts';
import { dibao } from './dibao/index.ts';
import { disaster } from './disaster/index.ts';
import { hardship } from './hardship/index.ts';
import { medical } from './medical/index.ts';
import { temporary } from './temporary/index.ts';
import type { ProgrammeModule } from './types.ts';

const REGISTRY: readonly ProgrammeModule[] = [dibao, hardship, temporary, medical, disaster];

const byCode = new Map(REGISTRY.map((p) => [p.code, p]));
const byPrefix = new Map(REGISTRY.map((p) => [p.serialPrefix, p]));
if (byCode.size !== REGISTRY.length || byPrefix.size !== REGISTRY.length) throw new Error('programme codes and serial prefixes must be unique');

export function allProgrammes(): readonly ProgrammeModule[] {
  return REGISTRY;
}

export function programmeCodes(): string[] {
  return REGISTRY.map((p) => p.code);
}

export function isProgramme(code: string): boolean {
  return byCode.has(code);
}

/** The programme of a code; a code the registry does not know is a caller's mistake naming `field`. */
export function programmeOf(code: string, field = 'programme'): ProgrammeModule {
  const p = byCode.get(code);
  if (!p) throw AppError.field(field, `未知的救助项目：${code}（可选：${REGISTRY.map((x) => `${x.code} ${x.labels['zh-CN'].name}`).join('、')}）`);
  return p;
}

export function programmeOfCaseNo(caseNo: string): ProgrammeModule | undefined {
  return byPrefix.get(caseNo.slice(0, 2));
}

/** Case numbers: a registered prefix + county (6) + year (4) + 6 digits. */
export const CASE_NO_PATTERN = new RegExp(`^(${REGISTRY.map((p) => p.serialPrefix).join('|')})\\d{16}$`);
export const CASE_NO_MESSAGE = `案件编号格式应为 ${REGISTRY.map((p) => p.serialPrefix).join('/')} + 16 位数字`;

export function workflowOf(code: string, ruleSet: RuleSet): WorkflowDefinition<CaseContext> {
  return programmeOf(code).workflows[ruleSet];
}

export function allWorkflows(): WorkflowDefinition<CaseContext>[] {
  return REGISTRY.flatMap((p) => Object.values(p.workflows));
}
