import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

/** ExcelJS, loaded on first use: it costs about 0.2 s of CPU at import and only file routes need it. */
export const excel = (): Promise<typeof ExcelJS> => (loaded ??= import('exceljs').then((m) => m.default));
