import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login, logout } from '../api/auth.ts';
import { setUnauthorizedHandler } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { AuthContext, type AuthValue } from './context.ts';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    // A 401 anywhere ends the session; RequireAuth then sends the user to /login.
    setUnauthorizedHandler(() => setUser(null));
    let live = true;
    fetchMe()
      .then((me) => live && setUser(me))
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await login(username, password);
    setUser(me);
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthValue>(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
