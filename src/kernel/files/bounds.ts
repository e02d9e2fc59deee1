// The shape bounds of a table being read (rows, columns, cell length, and what the whole table may hold),
// checked cell by cell by both readers so that a bad file stops at the first cell beyond a bound.
import { cellTooLong, tooComplex, tooManyColumns, tooManyRows, type FileLimits } from './limits.ts';

export class TableBounds {
  private cells = 0;
  private chars = 0;

  constructor(readonly limits: Readonly<FileLimits>) {}

  row(row: number): void {
    if (row > this.limits.rows) throw tooManyRows(row, this.limits.rows);
  }

  /** Any cell, empty or not, at a 0-based column. */
  column(row: number, column: number): void {
    if (column >= this.limits.columns) throw tooManyColumns(row, this.limits.columns);
  }

  /** A non-empty cell at a 0-based column; strings are counted by their characters. */
  cell(row: number, column: number, value: string | number | boolean): void {
    this.column(row, column);
    if (++this.cells > this.limits.cells) throw tooComplex(`超过 ${this.limits.cells} 个非空单元格`);
    if (typeof value !== 'string') return;
    if (value.length > this.limits.cellChars) throw cellTooLong(row, column, this.limits.cellChars);
    this.chars += value.length;
    if (this.chars > this.limits.textChars) throw tooComplex(`文字超过 ${this.limits.textChars} 个字符`);
  }
}
