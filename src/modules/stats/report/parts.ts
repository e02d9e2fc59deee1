// Sections other modules add to the annual work summary (供养服务机构建设 from institutions, 救助管理 from
// the relief stations, …): each registers at import with a heading, an order among the parts and its
// paragraphs for the report's area and year, read with its own services. The dependency goes module →
// stats; stats names no module. A part with no paragraphs (nothing to say for the area) adds no section.
// Parts with the same heading form one section (社会力量参与: volunteers, wishes, purchased services): it
// stands where its first part with something to say would, with the paragraphs of its parts in order.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';

export interface ReportPartContext {
  db: Database;
  /** The caller's scope (the area has been checked against it by the figures already). */
  scope: Scope;
  area: { code: string; name: string; level: string };
  year: number;
  /** 全州 / 全县 / 全乡（镇）, as in the programmes' paragraphs. */
  place: string;
}

export interface ReportPart {
  key: string;
  heading: string;
  /** Parts are laid out by ascending order (then key), after the programmes' sections. */
  order: number;
  paragraphs(ctx: ReportPartContext): Promise<string[]>;
}

export interface PartSection {
  /** The key of the section's first part with something to say. */
  key: string;
  heading: string;
  paragraphs: string[];
}

const PARTS: ReportPart[] = [];

export function registerReportPart(part: ReportPart): void {
  if (PARTS.some((p) => p.key === part.key)) throw new Error(`report part ${part.key} registered twice`);
  PARTS.push(part);
}

export function reportParts(): readonly ReportPart[] {
  return [...PARTS].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/** The sections of the registered parts that have something to say, in order; parts sharing a heading make one section. */
export async function partSections(ctx: ReportPartContext, parts: readonly ReportPart[] = reportParts()): Promise<PartSection[]> {
  const out: PartSection[] = [];
  for (const p of parts) {
    const paragraphs = await p.paragraphs(ctx);
    if (paragraphs.length === 0) continue;
    const same = out.find((s) => s.heading === p.heading);
    if (same) same.paragraphs.push(...paragraphs);
    else out.push({ key: p.key, heading: p.heading, paragraphs: [...paragraphs] });
  }
  return out;
}
