// The programme registry as data: the `programmes` table (its foreign keys hold the programme of every
// case, batch and payroll line), written from the registry at every start; and the description the web
// builds its lists, labels and forms from (GET /programmes), so it keeps no programme list of its own.
import { z } from 'zod';
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { allProgrammes, CASE_NO_PATTERN, programmeOf } from '../../../programmes/registry.ts';
import { PHASES, type Phase } from '../../../workflow/definition.ts';
import type { ProgrammeList } from '../contract.ts';

/** Upserts every programme of the registry (a removed programme stays: cases keep pointing at it). */
export async function syncProgrammes(db: Database): Promise<number> {
  const rows = allProgrammes().map((p) => ({ code: p.code, serial_prefix: p.serialPrefix, kind: p.kind, recipient: p.recipient, name: p.labels['zh-CN'].name, name_en: p.labels.en.name }));
  await db.kysely.insertInto('programmes').values(rows)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
      serial_prefix: eb.ref('excluded.serial_prefix'), kind: eb.ref('excluded.kind'), recipient: eb.ref('excluded.recipient'),
      name: eb.ref('excluded.name'), name_en: eb.ref('excluded.name_en'), updated_at: sql`now()`,
    })))
    .execute();
  return rows.length;
}

export function programmeLabel(code: string): string {
  return programmeOf(code).labels['zh-CN'].name;
}

export const PHASE_LABELS: Record<(typeof PHASES)[number], { 'zh-CN': string; en: string }> = {
  pending: { 'zh-CN': '办理中', en: 'In progress' },
  granted: { 'zh-CN': '已救助', en: 'Granted' },
  payable: { 'zh-CN': '在保（发放中）', en: 'In payment' },
  suspended: { 'zh-CN': '暂停发放', en: 'Suspended' },
  terminal: { 'zh-CN': '已办结', en: 'Closed' },
};

export function listProgrammes(): ProgrammeList {
  return {
    caseNoPattern: CASE_NO_PATTERN.source,
    phases: PHASES.map((code) => ({ code, label: PHASE_LABELS[code]['zh-CN'], labelEn: PHASE_LABELS[code].en })),
    items: allProgrammes().map((p) => {
      const workflows = Object.values(p.workflows);
      const states = new Map<string, { code: string; label: string; labelEn: string; phase: Phase }>();
      const actions = new Map<string, { code: string; label: string; labelEn: string }>([['accept', { code: 'accept', label: '受理', labelEn: 'Accept' }]]);
      for (const w of workflows) {
        for (const [code, st] of Object.entries(w.states)) if (!states.has(code)) states.set(code, { code, label: st.label, labelEn: st.labelEn, phase: st.phase });
        for (const [code, a] of Object.entries(w.actions)) if (!actions.has(code)) actions.set(code, { code, label: a.label, labelEn: a.labelEn });
      }
      return {
        code: p.code, serialPrefix: p.serialPrefix, kind: p.kind, recipient: p.recipient, openCases: p.openCases, intake: p.intake,
        schedule: p.benefit?.schedule ?? null, payee: p.benefit?.payee ?? null, labels: p.labels,
        ruleSets: workflows.map((w) => ({ ruleSet: w.ruleSet, label: w.label, labelEn: w.labelEn })),
        verification: { supporters: p.verification?.supporters === true },
        states: [...states.values()], actions: [...actions.values()],
        opening: p.opening ? z.toJSONSchema(p.opening.schema, { io: 'input', unrepresentable: 'any' }) : null,
      };
    }),
  };
}
