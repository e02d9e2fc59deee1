import { api } from './client.ts';
import type { NewUser, User } from './types.ts';

export async function fetchUsers(): Promise<User[]> {
  const res = await api<{ items: User[] }>('/users');
  return res.items;
}

export async function createUser(input: NewUser): Promise<User> {
  const res = await api<{ user: User }>('/users', { method: 'POST', body: input });
  return res.user;
}
