import type { Probe } from './types.ts';

/** Scope-matrix probes of the payroll routes. */
export const payrollProbes: Record<string, Probe> = {};
