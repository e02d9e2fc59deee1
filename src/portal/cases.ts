// 我的申请 and 我的救助金: the citizen's own households' cases and payments, through the cases and payroll
// modules' citizen use cases, presented masked (names) with amounts in fen and in 元.
import type { Database } from '../db/engine.ts';
import { maskName } from '../kernel/mask.ts';
import type { CitizenScope } from '../kernel/scope.ts';
import { citizenCase, citizenCases } from '../modules/cases/index.ts';
import { citizenPayments } from '../modules/payroll/index.ts';

/** 650.5 元 as the citizen reads it: `650.50`. */
export const yuanOf = (fen: number) => (fen / 100).toFixed(2);

const money = (fen: number | null) => (fen === null ? { amountFen: null, amountYuan: null } : { amountFen: fen, amountYuan: yuanOf(fen) });

export async function myCases(db: Database, scope: CitizenScope) {
  const items = await citizenCases(db, scope);
  return {
    items: items.map((c) => ({
      caseNo: c.caseNo, householdNo: c.householdNo, programme: c.programmeLabel, state: c.stateLabel, phase: c.phase,
      applicantName: maskName(c.applicantName), appliedOn: c.appliedOn, nextStep: c.nextStep,
      decision: c.decision && { label: c.decision.label, effectiveMonth: c.decision.effectiveMonth, decidedOn: c.decision.decidedOn, ...money(c.decision.amountFen) },
    })),
  };
}

export async function myCase(db: Database, scope: CitizenScope, caseNo: string) {
  const c = await citizenCase(db, scope, caseNo);
  return {
    caseNo: c.caseNo, programme: c.programmeLabel, state: c.stateLabel, phase: c.phase, applicantName: maskName(c.applicantName), appliedOn: c.appliedOn, nextStep: c.nextStep,
    steps: c.steps,
    decisions: c.decisions.map((d) => ({ label: d.label, decidedOn: d.decidedOn, effectiveMonth: d.effectiveMonth, endMonth: d.endMonth, reason: d.reason, ...money(d.amountFen) })),
  };
}

export async function myPayments(db: Database, scope: CitizenScope) {
  const items = await citizenPayments(db, scope);
  return {
    items: items.map((p) => ({
      month: p.month, programme: p.programmeLabel, purpose: p.purpose, householdNo: p.householdNo, recipientName: maskName(p.recipientName),
      ...money(p.amountFen), status: p.status, statusLabel: p.statusLabel, failureReason: p.failureReason, paidTo: p.paidTo,
    })),
  };
}
