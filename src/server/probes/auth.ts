import type { Probe } from './types.ts';

/** Scope-matrix probes of the routes added by the login hardening (issue #15). */
export const authProbes: Record<string, Probe> = {
  // Only ever the caller's own password; a wrong current one is refused and changes nothing.
  'POST /api/v1/auth/password': () => ({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'not-my-password', newPassword: 'Quiet-harbor.83-lamp' } }),
  'PATCH /api/v1/users/:username': (f) => ({ method: 'PATCH', url: `/api/v1/users/${f.user}`, payload: { active: false } }),
};
