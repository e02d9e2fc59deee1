import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login, logout } from '../api/auth.ts';
import { ApiError, setUnauthorizedHandler } from '../api/client.ts';
import { wipeDeviceStore } from '../pages/offline/store.ts';
import type { User } from '../api/types.ts';
import { AuthContext, type AuthValue } from './context.ts';
import { lastUser, rememberUser } from './lastUser.ts';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(undefined);
  const setUser = useCallback((u: User | null) => {
    rememberUser(u);
    setUserState(u);
  }, []);

  useEffect(() => {
    // A 401 anywhere ends the session; RequireAuth then sends the user to /login.
    setUnauthorizedHandler(() => setUser(null));
    let live = true;
    fetchMe()
      .then((me) => live && setUser(me))
      // No answer at all (offline): the user this tab last had stays signed in; the server still decides on every call.
      .catch((err: unknown) => live && (err instanceof ApiError ? setUser(null) : setUserState(lastUser())));
    return () => {
      live = false;
    };
  }, [setUser]);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await login(username, password);
    setUser(me);
    return me;
  }, [setUser]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // The offline app's data (entries, downloaded households, the device key) leaves with the user.
      await wipeDeviceStore();
      setUser(null);
    }
  }, [setUser]);

  const value = useMemo<AuthValue>(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
