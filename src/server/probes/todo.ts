import type { Probe } from './types.ts';

/** Scope-matrix probe of 待办: the signed-in user's own counts and overdue items (nothing of another area may show). */
export const todoProbes: Record<string, Probe> = {
  'GET /api/v1/me/todo': () => ({ method: 'GET', url: '/api/v1/me/todo' }),
};
