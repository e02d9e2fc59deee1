import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchChildren } from '../api/areas.ts';
import type { Area } from '../api/types.ts';
import type { SelectedArea } from './context.ts';

export interface AreaTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  area: SelectedArea;
  /** Direct children, when known. */
  childCount?: number;
  children?: AreaTreeNode[];
}

function toNode(area: SelectedArea, childCount: number | undefined, kids: Map<string, Area[]>): AreaTreeNode {
  const loaded = kids.get(area.code);
  const count = loaded ? loaded.length : childCount;
  const node: AreaTreeNode = {
    key: area.code,
    value: area.code,
    title: area.name,
    isLeaf: area.level === 'village' || count === 0,
    area,
  };
  if (count !== undefined) node.childCount = count;
  if (loaded) {
    node.children = loaded.map((child) =>
      toNode({ code: child.code, name: child.name, level: child.level }, child.childCount, kids),
    );
  }
  return node;
}

/**
 * A tree of areas rooted at `root`, whose children are fetched on demand from
 * /areas/{code}/children; the root's own children are fetched at once.
 */
export function useLazyAreaTree(root: SelectedArea) {
  const [kids, setKids] = useState<Map<string, Area[]>>(() => new Map());
  const pending = useRef(new Map<string, Promise<void>>());
  const [error, setError] = useState<Error | null>(null);

  const load = useCallback((code: string): Promise<void> => {
    const existing = pending.current.get(code);
    if (existing) return existing;
    const job = fetchChildren(code)
      .then((items) => setKids((prev) => new Map(prev).set(code, items)))
      .catch((err: unknown) => {
        pending.current.delete(code);
        setError(err instanceof Error ? err : new Error(String(err)));
      });
    pending.current.set(code, job);
    return job;
  }, []);

  useEffect(() => {
    setKids(new Map());
    pending.current = new Map();
    if (root.level !== 'village') void load(root.code);
  }, [root.code, root.level, load]);

  const treeData = useMemo(() => [toNode(root, undefined, kids)], [root, kids]);

  const findArea = useCallback(
    (code: string): SelectedArea | undefined => {
      if (code === root.code) return root;
      for (const list of kids.values()) {
        const hit = list.find((a) => a.code === code);
        if (hit) return { code: hit.code, name: hit.name, level: hit.level };
      }
      return undefined;
    },
    [root, kids],
  );

  return { treeData, load, findArea, error };
}
