import { createContext, useContext } from 'react';
import type { User } from '../api/types.ts';

export interface AuthValue {
  /** undefined while the session is being checked, null when signed out. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('AuthProvider is missing');
  return value;
}

/** The signed-in user; only for pages rendered inside RequireAuth. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('No signed-in user');
  return user;
}
