// CSV injection (OWASP): a spreadsheet takes text beginning with = + - @ (or a tab or CR before them) as
// a formula, so a name like `=HYPERLINK(…)` typed into a form would run when an exported file is opened.
// Such text gets a leading apostrophe, which shows it as text. Numbers are not text and stay numbers.

const DANGEROUS = /^[=+\-@\t\r]/;

/** The text as it may safely be written to a CSV or spreadsheet cell. */
export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

/** A cell value: text neutralised, anything else (numbers, dates, empty) as it is. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutralise(value) : value;
}
