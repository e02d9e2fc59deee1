import type { Action } from '../../../src/kernel/permissions.ts';

/** The API sends each user's permissions (from the server's one grant table); the UI hides what it would refuse. */
export type UiAction = Action;

export function can(user: { permissions: readonly Action[] }, action: Action): boolean {
  return user.permissions.includes(action);
}
