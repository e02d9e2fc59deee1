import { useCallback, useEffect, useState } from 'react';

/** A keyset-paged list ({items, next}) reloaded when `fetcher` changes, with "load more". */
export function useKeysetList<T>(fetcher: (after?: number) => Promise<{ items: T[]; next: number | null }>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (after?: number) => {
      let live = true;
      setLoading(true);
      setError(null);
      fetcher(after)
        .then((page) => {
          if (!live) return;
          setItems((prev) => (after ? [...prev, ...page.items] : page.items));
          setNext(page.next);
        })
        .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
        .finally(() => live && setLoading(false));
      return () => {
        live = false;
      };
    },
    [fetcher],
  );

  useEffect(() => load(), [load]);
  return { items, next, loading, error, loadMore: () => (next ? load(next) : undefined) };
}
