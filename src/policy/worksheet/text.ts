// What the worksheet lines are made of: the stored explanation read back (zod, lenient: decisions keep it
// as JSON), amounts in 元, and a parameter's document as staff read it — the reference without file
// names, 'demo default' or 演示 notes and approximate-date notes; the parameter's Chinese description
// when nothing is left.
import { z } from 'zod';
import { yuan } from '../../kernel/money.ts';
import { defaultParameterRows } from '../load-parameters.ts';

/** One line of a worksheet: what, how, how much (fen; null: not an addend of the total) and on what basis. */
export const worksheetLineSchema = z.object({ label: z.string(), expression: z.string(), amountFen: z.number().int().nullable(), basis: z.string() });
export type WorksheetLine = z.infer<typeof worksheetLineSchema>;

/** A member as the worksheet names them (the caller masks the name as its API does). */
export type WorksheetMember = { id: string; name: string; hukou?: string };

/** The Chinese description of a parameter by name (undefined: unknown). */
export type Describe = (name: string) => string | undefined;

const parameterRead = z.object({ name: z.string(), value: z.unknown(), unit: z.string(), reference: z.string() });
export type StoredParameter = z.infer<typeof parameterRead>;
const step = z.object({ name: z.string(), value: z.unknown(), unit: z.string().nullable().optional(), parameters: z.array(parameterRead).default([]) });
export type StoredStep = z.infer<typeof step>;

export const storedExplanation = z.object({ formula: z.string().optional(), value: z.unknown(), steps: z.array(step).default([]) });
export type StoredExplanation = z.infer<typeof storedExplanation>;

let descriptions: Map<string, string> | undefined;

/** The shipped parameter files' descriptions (a parameter added only in the database has none). */
export const describeShipped: Describe = (name) => {
  descriptions ??= new Map(defaultParameterRows().map((r) => [r.name, r.description]));
  return descriptions.get(name);
};

/** 28400 → "284.00" */
export const money = yuan;

/** 0.2 → "20%" */
export const percent = (ratio: number): string => `${+(ratio * 100).toFixed(4)}%`;

const FILE = /[\w./-]+\.(?:txt|md|ya?ml|json|pdf|docx?|xlsx?)(?:\s*§\s*[\d.]+)?/gi;

/** A reference as staff read it: document and article, no file names, no demo or approximate-date notes. */
export function cleanReference(reference: string): string {
  const clauses = reference
    .replace(/（[^（）]*(?:\.(?:txt|md|ya?ml|json|pdf|docx?|xlsx?)|demo default|演示)[^（）]*）/gi, '')
    .replace(/\([^()]*(?:\.(?:txt|md|ya?ml|json|pdf|docx?|xlsx?)|demo default|演示)[^()]*\)/gi, '')
    .replace(FILE, '')
    .split(/[；;]/)
    .filter((c) => !/demo default|not from a source|演示|近似值/i.test(c))
    .map((c) => c.replace(/^[\s：:，,、]+|[\s：:，,、]+$/g, ''))
    .filter((c) => c.length > 0);
  return clauses.join('；');
}

/** The steps of an explanation with the lookups the worksheets need. */
export class StepReader {
  constructor(readonly steps: readonly StoredStep[], private readonly describe: Describe) {}

  has(name: string): boolean {
    return this.steps.some((s) => s.name === name);
  }

  value(name: string): unknown {
    return this.steps.find((s) => s.name === name)?.value;
  }

  number(name: string): number | undefined {
    const v = this.value(name);
    return typeof v === 'number' ? v : undefined;
  }

  /** The first read of a parameter (by exact name, or by a test on the name). */
  parameter(name: string | ((n: string) => boolean)): StoredParameter | undefined {
    const test = typeof name === 'string' ? (n: string) => n === name : name;
    for (const s of this.steps) for (const p of s.parameters) if (test(p.name)) return p;
    return undefined;
  }

  /** The basis of the listed parameters: their cleaned references (each once), else their descriptions. */
  basis(...names: string[]): string {
    const texts = names.map((n) => {
      const p = this.parameter(n);
      const cleaned = p ? cleanReference(p.reference) : '';
      return cleaned || (p ? (this.describe(n) ?? '') : '');
    });
    return [...new Set(texts.filter(Boolean))].join('；');
  }
}

/** The 合计 line: the addends written out, equal to the total. */
export function totalLine(lines: readonly WorksheetLine[], total: number, suffix = '元/月'): WorksheetLine {
  const addends = lines.filter((l) => l.amountFen !== null && l.amountFen !== 0).map((l) => money(l.amountFen ?? 0));
  const sum = addends.length > 1 ? `${addends.join(' + ')} = ${money(total)} ${suffix}` : `${money(total)} ${suffix}`;
  return { label: '合计', expression: sum, amountFen: null, basis: '' };
}

/** A member's name, or their place in the list when the household no longer has them. */
export function memberName(members: readonly WorksheetMember[], id: string, index: number): string {
  return members.find((m) => m.id === id)?.name ?? `第${index + 1}位成员`;
}
