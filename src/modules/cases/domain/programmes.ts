// The programme definitions by programme and rule set, and what the engine asks of them.
import type { RuleSet } from '../../../policy/index.ts';
import type { Role } from '../../../kernel/permissions.ts';
import { dibaoCn2012, dibaoCn2021 } from './dibao.ts';
import type { ActionDefinition, Programme, ProgrammeDefinition } from './definition.ts';
import { hardshipCn2012, hardshipCn2021 } from './hardship.ts';

const DEFINITIONS: Record<Programme, Record<RuleSet, ProgrammeDefinition>> = {
  dibao: { 'cn-2012': dibaoCn2012, 'cn-2021': dibaoCn2021 },
  hardship: { 'cn-2012': hardshipCn2012, 'cn-2021': hardshipCn2021 },
};

export function definitionFor(programme: Programme, ruleSet: RuleSet): ProgrammeDefinition {
  return DEFINITIONS[programme][ruleSet];
}

export function allDefinitions(): ProgrammeDefinition[] {
  return Object.values(DEFINITIONS).flatMap((byRuleSet) => Object.values(byRuleSet));
}

export const ROLE_LABELS: Record<Role, string> = {
  village_clerk: '村（社区）协理员',
  township_caseworker: '乡镇（街道）经办员',
  county_approver: '县级民政部门审批员',
  prefecture_admin: '州民政局工作人员',
  auditor: '审计监督员',
  partner: '协作部门',
};

export const PROGRAMME_LABELS: Record<Programme, string> = { dibao: '最低生活保障', hardship: '特困人员救助供养' };

/** Actions of the definition that can be taken from `state` (any role). */
export function actionsFrom(def: ProgrammeDefinition, state: string): [string, ActionDefinition][] {
  return Object.entries(def.actions).filter(([, a]) => a.from.includes(state));
}

export function stateLabel(def: ProgrammeDefinition, state: string): string {
  return def.states[state]?.label ?? state;
}

/**
 * (programme, rule set, state, review-due-only) combinations in which `role` has an inbox action:
 * the inbox query filters cases by these.
 */
export function inboxStates(role: Role): { programme: Programme; ruleSet: RuleSet; state: string; reviewDue: boolean }[] {
  const out: { programme: Programme; ruleSet: RuleSet; state: string; reviewDue: boolean }[] = [];
  for (const def of allDefinitions()) {
    for (const state of Object.keys(def.states)) {
      const mine = actionsFrom(def, state).filter(([, a]) => a.roles.includes(role) && a.inbox !== 'never');
      if (mine.length === 0) continue;
      out.push({ programme: def.programme, ruleSet: def.ruleSet, state, reviewDue: mine.every(([, a]) => a.inbox === 'review_due') });
    }
  }
  return out;
}
