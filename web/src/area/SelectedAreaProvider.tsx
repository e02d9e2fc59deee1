import { useMemo, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../auth/context.ts';
import { SelectedAreaContext, type SelectedArea, type SelectedAreaValue } from './context.ts';

/** Starts at the user's own area; rendered inside RequireAuth, so remounts per session. */
export function SelectedAreaProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const [area, setArea] = useState<SelectedArea>({
    code: user.areaCode,
    name: user.areaName,
    level: user.areaLevel,
  });
  const value = useMemo<SelectedAreaValue>(() => ({ area, setArea }), [area]);
  return <SelectedAreaContext.Provider value={value}>{children}</SelectedAreaContext.Provider>;
}
