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

export async function fetchMe(): Promise<User> {
  const res = await api<{ user: User }>('/auth/me', { redirectOn401: false });
  return res.user;
}
