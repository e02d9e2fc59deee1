import { api } from './client.ts';
import type { User } from './types.ts';

export async function login(username: string, password: string): Promise<User> {
  const res = await api<{ user: User }>('/auth/login', {
    method: 'POST',
    body: { username, password },
    redirectOn401: false,
  });
  return res.user;
}

export async function logout(): Promise<void> {
  await api<void>('/auth/logout', { method: 'POST', redirectOn401: false });
}

/** Changes the caller's password; the server ends the other sessions and sets a new session cookie. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api<{ user: User }>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export async function fetchMe(): Promise<User> {
  const res = await api<{ user: User }>('/auth/me', { redirectOn401: false });
  return res.user;
}
