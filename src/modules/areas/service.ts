import type { Database } from '../../db/engine.ts';
import { requireInScope, type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import { write } from '../../db/write.ts';
import { AppError } from '../../kernel/errors.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { readPrefecture, readZones } from './division.ts';
import { isAreaCode, levelOf, type AreaLevel } from '../../kernel/areas.ts';
import * as repo from './repo.ts';

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  kind: 'standard' | 'functional_zone';
  childCount: number;
  /** A village's 城镇 (true) / 农村 (false); null above village level. */
  urban: boolean | null;
  urbanSource: 'derived' | 'manual';
}
export interface AreaNode extends Area {
  children: AreaNode[];
}

const toArea = (r: repo.AreaWithCount): Area => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  kind: r.kind,
  childCount: Number(r.child_count),
  urban: r.urban,
  urbanSource: r.urban_source,
});

function checkCode(code: string): void {
  if (!isAreaCode(code)) throw AppError.field('code', `不是有效的区划代码：${code}`);
}

async function mustFind(db: Database, scope: Scope, code: string) {
  checkCode(code);
  requireInScope(scope, code);
  const row = await repo.findArea(db.kysely, scope, code);
  if (!row) throw AppError.notFound('区划', code);
  return row;
}

export async function getArea(db: Database, scope: Scope, code: string) {
  allow(scope, 'areas.read');
  const row = await mustFind(db, scope, code);
  const [ancestors, counts] = await Promise.all([repo.findAncestors(db.kysely, code), repo.countDescendants(db.kysely, scope, code)]);
  return { area: toArea(row), ancestors: ancestors.map(toArea), counts };
}

export async function getChildren(db: Database, scope: Scope, code: string): Promise<Area[]> {
  allow(scope, 'areas.read');
  await mustFind(db, scope, code);
  return (await repo.listChildren(db.kysely, scope, code)).map(toArea);
}

export async function getTree(db: Database, scope: Scope, root: string | undefined, depth: number): Promise<AreaNode> {
  allow(scope, 'areas.read');
  const rootCode = root ?? scope.areaCode;
  await mustFind(db, scope, rootCode);
  const rows = await repo.listSubtree(db.kysely, scope, rootCode, depth);
  const nodes = new Map<string, AreaNode>(rows.map((r) => [r.code, { ...toArea(r), children: [] }]));
  for (const n of nodes.values()) if (n.parentCode && n.code !== rootCode) nodes.get(n.parentCode)?.children.push(n);
  const top = nodes.get(rootCode);
  if (!top) throw AppError.notFound('区划', rootCode);
  return top;
}

export async function searchAreas(db: Database, scope: Scope, q: string, limit: number) {
  allow(scope, 'areas.read');
  const rows = await repo.searchAreas(db.kysely, scope, q.trim(), limit);
  const ancestorCodes = new Set<string>();
  for (const r of rows) for (const c of ancestorChain(r.code)) ancestorCodes.add(c);
  const names = await repo.namesOf(db.kysely, [...ancestorCodes]);
  return rows.map((r) => ({ ...toArea(r), pathNames: [...ancestorChain(r.code).map((c) => names.get(c) ?? c), r.name] }));
}

function ancestorChain(code: string): string[] {
  const level = levelOf(code);
  if (level === 'prefecture') return [];
  const chain = [`${code.slice(0, 4)}00`];
  if (level === 'township' || level === 'village') chain.push(code.slice(0, 6));
  if (level === 'village') chain.push(code.slice(0, 9));
  return chain;
}

/** `jiuzhu areas load CODE`: idempotent upsert of one prefecture and its configured zones. */
export async function loadPrefecture(db: Database, scope: Scope, prefectureCode: string) {
  const rows = await readPrefecture(prefectureCode, readZones());
  await write(db, scope, async (tx) => {
    await repo.upsertAreas(tx, rows);
    const count = (l: AreaLevel) => rows.filter((r) => r.level === l).length;
    await appendAudit(tx, scope, {
      action: 'areas.load',
      entity: 'area',
      entityId: prefectureCode,
      areaCode: prefectureCode,
      after: { counties: count('county'), townships: count('township'), villages: count('village') },
    });
  });
  const by = (l: AreaLevel, kind = 'standard') => rows.filter((r) => r.level === l && r.kind === kind).length;
  return { prefecture: prefectureCode, counties: by('county'), zones: by('county', 'functional_zone'), townships: by('township'), villages: by('village') };
}

/**
 * A village's 城镇/农村 set by hand (a county approver in the county, the prefecture): kept when the areas
 * are loaded again, audited with the class before.
 */
export async function setVillageUrban(db: Database, scope: Scope, code: string, urban: boolean) {
  allow(scope, 'areas.classify');
  const row = await mustFind(db, scope, code);
  if (row.level !== 'village') throw AppError.field('code', '只能设置村（社区）的城乡属性');
  await write(db, scope, async (tx) => {
    const before = await repo.setUrban(tx, code, urban);
    if (!before) throw AppError.notFound('区划', code);
    await appendAudit(tx, scope, { action: 'areas.classify', entity: 'area', entityId: code, areaCode: code, before: { urban: before.urban, source: before.urban_source }, after: { urban, source: 'manual' } });
  });
  return getArea(db, scope, code);
}
