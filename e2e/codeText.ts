// Issue 23, must-have 2: staff never see a machine code where a Chinese name exists. `codeSnippets` finds the
// text that looks like one; `codeTextOnPage` applies it to what a page shows (e2e/walk.e2e.test.ts).
//
// What counts as a code:
//   - snake_case words (`yuan_per_person_month`, `medical_security`);
//   - dotted keys (`auth.login`, `registry.read`, `policy.unit.x`), letters on both sides of the dot;
//   - letters, a hyphen and digits (the rule set `cn-2012`);
//   - 6–12 digit numbers (area codes such as 522701, 522701001001), unless part of a longer number, a masked
//     number (522701********1234) or an amount (123456.78);
//   - English words: three or more Latin letters in a row, except the few in ALLOWED_WORDS.
// Text inside an element marked `data-code` (a column or cell that is a code by nature: a household number, a case
// number, an ID number, the areas page's code column), `data-technical` (the 技术明细 folds kept for auditors) or the
// language switch is not looked at.
import type { Page } from 'playwright-core';

/** Latin words staff read as they are (keep this list tiny): the file formats named on buttons and upload hints. */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set(['PDF', 'CSV', 'csv', 'Excel', 'xlsx', 'docx', 'Word', 'PNG', 'JPEG']);

const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'snake_case', re: /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g },
  { name: 'dotted key', re: /\b[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+\b/g },
  { name: 'rule-set code', re: /\b[A-Za-z]+-\d+\b/g },
  { name: 'area code', re: /(?<![\d*.])\d{6,12}(?![\d*]|\.\d)/g },
  { name: 'English', re: /[A-Za-z]{3,}/g },
];

/** The code-like pieces of `text`, each with a little of the text around it (`…around [code] it…`); [] when none. */
export function codeSnippets(text: string): string[] {
  const found: { start: number; end: number }[] = [];
  for (const { name, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (name === 'English' && ALLOWED_WORDS.has(m[0])) continue;
      found.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  // A word inside a snake_case or dotted code is reported once, as part of it.
  const outer = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
  const seen = new Set<string>();
  return outer
    .filter(({ start }) => !seen.has(String(start)) && seen.add(String(start)))
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => `${text.slice(Math.max(0, start - 12), start)}[${text.slice(start, end)}]${text.slice(end, end + 12)}`.replace(/\s+/g, ' '));
}

/** Elements whose text is not looked at (see the top of this file). */
export const EXEMPT = '[data-code], [data-technical], [data-testid="lang-switch"], script, style, noscript, template';

// Runs in the page (a string: the page's globals are not this file's): every visible text node and visible field
// placeholder outside the exempt elements, one string each.
const COLLECT = `(() => {
  const exempt = ${JSON.stringify(EXEMPT)};
  const out = [];
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest(exempt) || !visible(el)) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (!el.closest(exempt) && visible(el)) out.push(el.getAttribute('placeholder'));
  }
  return out;
})()`;

/** The code-like snippets the page shows now (deduplicated), [] when none. */
export async function codeTextOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(COLLECT);
  return [...new Set(texts.flatMap(codeSnippets))];
}
