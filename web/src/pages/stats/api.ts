// The stats part of the /api/v1 contract (src/modules/stats/README.md); shapes are the server's types.
import { api } from '../../api/client.ts';
import type { FiguresResult, UnitFigures, Warning, WarningKind } from '../../../../src/modules/stats/contract.ts';

export type { FiguresResult, UnitFigures, Warning, WarningKind };
export type Unit = FiguresResult['units'][number];

export interface WarningItems {
  kind: WarningKind;
  area: string;
  counties: Warning[];
  households: { householdNo: string; villageCode: string; villageName: string; hukou: string; headName: string; persons: number; perCapitaIncome: number | null; povertyFile: boolean }[];
  cases: { caseNo: string; programme: string; state: string; areaCode: string; villageName: string; applicantName: string; due: string }[];
  referrals: { id: number; requestNo: string; areaCode: string; personName: string; department: string | null; need: string; status: string; due: string }[];
  next: number | null;
}

const q = (area: string | undefined, year: number) => `${area ? `area=${area}&` : ''}year=${year}`;

export const fetchFigures = (area: string | undefined, year: number) => api<FiguresResult>(`/stats/figures?${q(area, year)}`);
export const fetchWarnings = (area: string | undefined, year: number) => api<{ area: string; items: Warning[] }>(`/stats/warnings?${q(area, year)}`);
export const fetchWarningItems = (kind: string, area: string | undefined, year: number) => api<WarningItems>(`/stats/warnings/${encodeURIComponent(kind)}?${q(area, year)}&limit=200`);
export const reportUrl = (area: string, year: number) => `/api/v1/stats/report.docx?${q(area, year)}`;
export const tablesUrl = (area: string, year: number) => `/api/v1/stats/tables.xlsx?${q(area, year)}`;
