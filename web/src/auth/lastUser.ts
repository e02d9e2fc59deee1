// The signed-in user as last confirmed by the server, for this tab only: with no connection the app
// (the offline intake page) still knows who is signed in. A 401 or sign-out forgets it; it holds no
// citizen's data.
import type { User } from '../api/types.ts';

const KEY = 'jiuzhu.lastUser';

export function rememberUser(user: User | null): void {
  if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
  else sessionStorage.removeItem(KEY);
}

export function lastUser(): User | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}
