import { createContext, useContext } from 'react';
import type { AreaLevel } from '../api/types.ts';

export interface SelectedArea {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface SelectedAreaValue {
  area: SelectedArea;
  setArea: (area: SelectedArea) => void;
}

export const SelectedAreaContext = createContext<SelectedAreaValue | null>(null);

/** The area chosen in the header picker; pages scope their data to it. */
export function useSelectedArea(): SelectedAreaValue {
  const value = useContext(SelectedAreaContext);
  if (!value) throw new Error('SelectedAreaProvider is missing');
  return value;
}
