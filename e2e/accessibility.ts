// WCAG 2.1 AA checks in the browser tests: axe-core run in the page, serious and critical violations fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') forbids a script tag.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }
interface AxeResults { violations: AxeViolation[] }
const SETTLED = "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)";
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each ('' when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A message fading in, a field error appearing or a dropdown closing is measured half drawn (contrast 1.6, an
  // option still in the page): wait until every finite animation and transition has ended (spinners run forever).
  // Polled with evaluate: waitForFunction compiles a string with eval, which the app's Content-Security-Policy
  // refuses (the wait then failed at once, unnoticed, and axe measured whatever was moving).
  for (const end = Date.now() + 5_000; Date.now() < end && !(await page.evaluate<boolean>(SETTLED)); ) await page.waitForTimeout(100);
  // Strings, not functions: they run in the page, whose globals (window, axe) this file's types do not know.
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(AXE_OPTIONS)})`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}; first: ${v.nodes[0]?.html.slice(0, 160) ?? ''} — ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 200) ?? ''}`);
}

/** How wide the page is drawn (`scroll`) against the viewport (`client`): wider means sideways scrolling. */
export async function pageWidths(page: Page): Promise<{ scroll: number; client: number }> {
  return (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
}
