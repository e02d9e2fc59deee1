import { api } from './client.ts';
import type { Area, AreaDetail, AreaNode, AreaSearchHit } from './types.ts';

const enc = encodeURIComponent;

export function fetchArea(code: string): Promise<AreaDetail> {
  return api<AreaDetail>(`/areas/${enc(code)}`);
}

export async function fetchChildren(code: string): Promise<Area[]> {
  const res = await api<{ items: Area[] }>(`/areas/${enc(code)}/children`);
  return res.items;
}

export async function fetchTree(depth: number, root?: string): Promise<AreaNode> {
  const query = root ? `depth=${depth}&root=${enc(root)}` : `depth=${depth}`;
  const res = await api<{ root: AreaNode }>(`/areas/tree?${query}`);
  return res.root;
}

export async function searchAreas(q: string, limit = 20): Promise<AreaSearchHit[]> {
  const res = await api<{ items: AreaSearchHit[] }>(`/areas/search?q=${enc(q)}&limit=${limit}`);
  return res.items;
}

/** Sets a village's 城镇/农村 by hand (county approver, prefecture admin). */
export function setVillageUrban(code: string, urban: boolean): Promise<AreaDetail> {
  return api<AreaDetail>(`/areas/${enc(code)}/urban`, { method: 'PUT', body: { urban } });
}
