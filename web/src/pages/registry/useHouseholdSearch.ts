import { useRef, useState } from 'react';
import { searchHouseholds, type HouseholdHit } from './api.ts';

export const ID_NUMBER = /^\d{17}[\dXx]$/;

/** Finds households of the caller's scope by the head's name (prefix) or an ID number; the latest search wins. */
export function useHouseholdSearch() {
  const [hits, setHits] = useState<HouseholdHit[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = (text: string) => {
    const q = text.trim();
    if (!q) return;
    const mine = ++seq.current;
    setLoading(true);
    searchHouseholds(ID_NUMBER.test(q) ? { idNumber: q.toUpperCase() } : { name: q }, 1, 20)
      .then((page) => mine === seq.current && setHits(page.items))
      .catch(() => mine === seq.current && setHits([]))
      .finally(() => mine === seq.current && setLoading(false));
  };
  return { hits, loading, search };
}
