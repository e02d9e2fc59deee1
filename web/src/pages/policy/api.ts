import { api } from '../../api/client.ts';

export interface ParameterValue {
  id: number;
  name: string;
  area: string;
  /** The area's name (null for CN). */
  areaName: string | null;
  ruleSet: string | null;
  effective: string;
  value: number | boolean | string | string[] | null;
  valueReference: string | null;
  origin: 'file' | 'api';
  createdBy: string;
  createdAt: string;
  usedAt: string | null;
  used: boolean;
  current: boolean;
}

export interface Parameter {
  name: string;
  description: string;
  unit: string;
  reference: string;
  values: ParameterValue[];
}

export interface NewParameterValue {
  area: string;
  ruleSet?: string | null;
  effective: string;
  value: unknown;
  reference: string;
}

export interface ParameterRead {
  name: string;
  value: number | boolean | string | string[];
  unit: string;
  effective: string;
  area: string;
  ruleSet: string | null;
  reference: string;
}

export interface Step {
  name: string;
  value: unknown;
  unit: string | null;
  parameters: ParameterRead[];
}

export interface Explained {
  value: Record<string, unknown>;
  steps: Step[];
}

/** One line of a worksheet (Chinese, built by the server); `amountFen`: an addend of the total, or null. */
export interface WorksheetLine {
  label: string;
  expression: string;
  amountFen: number | null;
  basis: string;
}

export interface Explanation {
  householdNo: string;
  month: string;
  members: { id: string; name: string; relation: string; hukou: string }[];
  dibaoBenefit: Explained;
  nearDibao: Explained;
  singlePersonDibao: Explained;
  /** The dibao benefit as a worksheet. */
  worksheet: WorksheetLine[];
}

export interface Figures {
  households: number;
  persons: number;
  monthly: number;
  yearly: number;
  averagePerPerson: number;
  ruralPersons: number;
  agriculturalPopulation: number;
  ruralCoverage: number | null;
}

export interface Simulation {
  month: string;
  ruleSet: { current: string; draft: string };
  counties: { county: string; name: string; current: Figures; draft: Figures }[];
  total: { current: Figures; draft: Figures };
}

export interface DraftValue {
  name: string;
  area: string;
  ruleSet?: string | null;
  value: unknown;
}

export async function fetchParameters(prefix?: string): Promise<Parameter[]> {
  const res = await api<{ items: Parameter[] }>(`/policy/parameters${prefix ? `?prefix=${encodeURIComponent(prefix)}` : ''}`);
  return res.items;
}

export function addParameterValue(name: string, body: NewParameterValue): Promise<ParameterValue> {
  return api<ParameterValue>(`/policy/parameters/${encodeURIComponent(name)}/values`, { method: 'POST', body });
}

export function fetchExplanation(householdNo: string, month: string): Promise<Explanation> {
  return api<Explanation>(`/policy/explain?householdNo=${encodeURIComponent(householdNo)}&month=${encodeURIComponent(month)}`);
}

export function runSimulation(month: string, draft: DraftValue[]): Promise<Simulation> {
  return api<Simulation>('/policy/simulate', { method: 'POST', body: { month, draft } });
}
