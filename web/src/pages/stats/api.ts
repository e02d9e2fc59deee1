// The stats part of the /api/v1 contract (src/modules/stats/README.md); shapes are the server's types.
import { api } from '../../api/client.ts';
import type { Figure, FigureUnit, FiguresResult, Labels, ProgrammeSection, UnitFigures, Warning, WarningItems, WarningKind, WarningsResult } from '../../../../src/modules/stats/contract.ts';

export type { Figure, FigureUnit, FiguresResult, Labels, ProgrammeSection, UnitFigures, Warning, WarningItems, WarningKind };
export type Unit = FiguresResult['units'][number];

const q = (area: string | undefined, year: number) => `${area ? `area=${area}&` : ''}year=${year}`;

export const fetchFigures = (area: string | undefined, year: number) => api<FiguresResult>(`/stats/figures?${q(area, year)}`);
export const fetchWarnings = (area: string | undefined, year: number) => api<WarningsResult>(`/stats/warnings?${q(area, year)}`);
export const fetchWarningItems = (kind: string, area: string | undefined, year: number) => api<WarningItems>(`/stats/warnings/${encodeURIComponent(kind)}?${q(area, year)}&limit=200`);
export const reportUrl = (area: string, year: number) => `/api/v1/stats/report.docx?${q(area, year)}`;
export const tablesUrl = (area: string, year: number) => `/api/v1/stats/tables.xlsx?${q(area, year)}`;
