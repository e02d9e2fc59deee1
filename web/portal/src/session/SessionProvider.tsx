import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { portalApi, setUnauthorizedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { SessionContext, type PortalSession } from './context.ts';

/** Asks GET /me once at start; a 401 there (or on any later request) means signed out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    portalApi<Me>('/me')
      .then(setMe)
      // 401 (no session) and an unreachable server alike show the sign-in page.
      .catch(() => setMe(null));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await portalApi<void>('/auth/logout', { method: 'POST' });
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo<PortalSession>(() => ({ me, signedIn: setMe, signOut }), [me, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
