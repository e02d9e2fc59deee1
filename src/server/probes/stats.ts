import type { Probe } from './types.ts';

/** Scope-matrix probes of the stats routes. */
export const statsProbes: Record<string, Probe> = {};
