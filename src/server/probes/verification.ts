import type { Probe } from './types.ts';

/** Scope-matrix probes of the verification routes. */
export const verificationProbes: Record<string, Probe> = {};
