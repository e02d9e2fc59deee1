import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';

export interface PortalSession {
  /** The signed-in citizen; null before sign-in; undefined while the first check runs. */
  me: Me | null | undefined;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<PortalSession | null>(null);

export function useSession(): PortalSession {
  const value = useContext(SessionContext);
  if (!value) throw new Error('SessionProvider is missing');
  return value;
}
