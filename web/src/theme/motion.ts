import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';

// The system's "reduce motion" setting (WCAG 2.3.3): antd's opening and closing animations and the charts'
// growth are left out. Browser tests ask for it too: a list or dialog is where it ends up at once, not moving.
const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const list = matchMedia(QUERY);
  list.addEventListener('change', changed);
  return () => list.removeEventListener('change', changed);
}

export const prefersReducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia(QUERY).matches;

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}

/** The theme with antd's motion off when the system asks for less motion. */
export function withMotion(theme: ThemeConfig, reduced: boolean): ThemeConfig {
  return reduced ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
