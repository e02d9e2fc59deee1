/**
 * What a table is, read from the catalogue as the statements that re-create it (src/db/partition.ts): the
 * table's own keys, indexes, foreign keys, triggers, policies, grants and comments, and what other objects hang
 * on it (foreign keys pointing at it, views reading it, other tables' policies naming it). Read before the table
 * is renamed, so every name in the text resolves to the new table when the statement runs.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface TableDefinition {
  table: string;
  /** 'r' plain, 'p' partitioned. */
  kind: string;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  /** Non-generated columns, in order: the rows' copy. */
  columns: string[];
  /** `alter sequence … owned by` statements for the serial columns. */
  sequences: string[];
  /** Primary, unique and exclusion constraints: name and definition (`primary key (…)`). */
  keys: { name: string; def: string }[];
  /** Indexes that back no constraint: name and `create index` statement. */
  indexes: { name: string; def: string }[];
  foreignKeys: string[];
  /** Foreign keys of other tables pointing at this one: dropped before the old table goes, added back after. */
  referencing: { drop: string; add: string }[];
  triggers: string[];
  disabledTriggers: string[];
  policies: string[];
  /** Other tables' policies that name this table. */
  dependentPolicies: { drop: string; add: string }[];
  views: { drop: string; add: string[] }[];
  grants: string[];
  comments: string[];
  /** What the conversion cannot carry over, one sentence each; refused before anything changes. */
  unsupported: string[];
}

const rows = async <T>(db: Kysely<DB>, query: ReturnType<typeof sql<T>>): Promise<T[]> => (await query.execute(db)).rows;

function policyStatement(p: { name: string; table: string; permissive: string; roles: string[]; cmd: string; qual: string | null; check: string | null }): string {
  const roles = p.roles.map((r) => (r === 'public' ? 'public' : q(r))).join(', ');
  return `create policy ${q(p.name)} on ${q(p.table)} as ${p.permissive} for ${p.cmd} to ${roles}`
    + (p.qual === null ? '' : ` using (${p.qual})`) + (p.check === null ? '' : ` with check (${p.check})`);
}

/** `grant` statements re-creating a relation's ACL (the owner's own rights come with ownership). */
async function grantsOf(db: Kysely<DB>, oid: number, name: string): Promise<string[]> {
  const acl = await rows(db, sql<{ grantee: string | null; privilege: string; grantable: boolean }>`
    select case when a.grantee = 0 then null else pg_get_userbyid(a.grantee) end as grantee,
           a.privilege_type as privilege, a.is_grantable as grantable
      from pg_class c, aclexplode(c.relacl) a where c.oid = ${oid} and a.grantee <> c.relowner`);
  return acl.map((a) => `grant ${a.privilege} on ${q(name)} to ${a.grantee === null ? 'public' : q(a.grantee)}${a.grantable ? ' with grant option' : ''}`);
}

export async function readTableDefinition(db: Kysely<DB>, table: string): Promise<TableDefinition | null> {
  const [rel] = await rows(db, sql<{ oid: number; kind: string; rls: boolean; force: boolean; comment: string | null }>`
    select c.oid::int as oid, c.relkind::text as kind, c.relrowsecurity as rls, c.relforcerowsecurity as force,
           obj_description(c.oid, 'pg_class') as comment
      from pg_class c where c.oid = to_regclass(${`public.${q(table)}`})`);
  if (!rel) return null;
  const { oid } = rel;
  const unsupported: string[] = [];
  const columns = await rows(db, sql<{ name: string; identity: string; generated: string }>`
    select attname::text as name, attidentity::text as identity, attgenerated::text as generated
      from pg_attribute where attrelid = ${oid} and attnum > 0 and not attisdropped order by attnum`);
  for (const c of columns.filter((x) => x.identity !== '')) unsupported.push(`${table}.${c.name} is an identity column (not carried over; use a serial)`);
  const sequences = await rows(db, sql<{ seq: string; col: string }>`
    select s.relname::text as seq, a.attname::text as col
      from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
     where d.classid = 'pg_class'::regclass and d.refobjid = ${oid} and d.deptype = 'a'`);
  const constraints = await rows(db, sql<{ name: string; type: string; def: string; comment: string | null; validated: boolean }>`
    select conname::text as name, contype::text as type, pg_get_constraintdef(oid) as def,
           obj_description(oid, 'pg_constraint') as comment, convalidated as validated
      from pg_constraint where conrelid = ${oid} and conparentid = 0 and contype in ('p', 'u', 'x', 'f')
     order by contype desc, conname`);
  for (const c of constraints.filter((x) => !x.validated)) unsupported.push(`${table}: constraint ${c.name} is not validated`);
  const addConstraint = (c: { name: string; def: string }) => `alter table ${q(table)} add constraint ${q(c.name)} ${c.def}`;
  const indexes = await rows(db, sql<{ name: string; def: string; comment: string | null }>`
    select i.relname::text as name, pg_get_indexdef(x.indexrelid) as def, obj_description(i.oid, 'pg_class') as comment
      from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = ${oid} and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = ${oid})
     order by i.relname`);
  const referencing = await rows(db, sql<{ name: string; from: string; def: string }>`
    select k.conname::text as name, c.relname::text as from, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_class c on c.oid = k.conrelid
     where k.confrelid = ${oid} and k.conrelid <> ${oid} and k.contype = 'f' and k.conparentid = 0
     order by c.relname, k.conname`);
  const triggers = await rows(db, sql<{ name: string; def: string; enabled: string }>`
    select tgname::text as name, pg_get_triggerdef(oid) as def, tgenabled::text as enabled
      from pg_trigger where tgrelid = ${oid} and not tgisinternal and tgparentid = 0 order by tgname`);
  const policies = await rows(db, sql<{ oid: number; name: string; table: string; permissive: string; roles: string[]; cmd: string; qual: string | null; check: string | null }>`
    select p.oid::int as oid, p.polname::text as name, c.relname::text as table,
           case when p.polpermissive then 'permissive' else 'restrictive' end as permissive,
           case when p.polroles = '{0}' then array['public'] else array(select rolname::text from pg_roles where oid = any (p.polroles) order by rolname) end as roles,
           case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end as cmd,
           pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
      from pg_policy p join pg_class c on c.oid = p.polrelid
     where p.polrelid = ${oid}
        or p.oid in (select objid from pg_depend where classid = 'pg_policy'::regclass and refobjid = ${oid})
     order by c.relname, p.polname`);
  const views = await rows(db, sql<{ oid: number; name: string; kind: string; options: string[] | null; def: string; comment: string | null }>`
    select distinct v.oid::int as oid, v.relname::text as name, v.relkind::text as kind, v.reloptions as options,
           pg_get_viewdef(v.oid) as def, obj_description(v.oid, 'pg_class') as comment
      from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class v on v.oid = r.ev_class
     where d.classid = 'pg_rewrite'::regclass and d.refobjid = ${oid} and v.oid <> ${oid}`);
  for (const v of views.filter((x) => x.kind !== 'v')) unsupported.push(`${table}: materialized view ${v.name} reads it`);
  const functions = await rows(db, sql<{ name: string }>`
    select p.proname::text as name from pg_depend d join pg_proc p on p.oid = d.objid
     where d.classid = 'pg_proc'::regclass and d.refobjid = ${oid}`);
  for (const f of functions) unsupported.push(`${table}: function ${f.name} depends on it`);
  const comments = [
    ...(rel.comment === null ? [] : [`comment on table ${q(table)} is ${literal(rel.comment)}`]),
    ...constraints.filter((c) => c.comment !== null).map((c) => `comment on constraint ${q(c.name)} on ${q(table)} is ${literal(c.comment ?? '')}`),
    ...indexes.filter((i) => i.comment !== null).map((i) => `comment on index ${q(i.name)} is ${literal(i.comment ?? '')}`),
  ];
  const viewStatements = [];
  for (const v of views) {
    viewStatements.push({
      drop: `drop view ${q(v.name)}`,
      add: [
        `create view ${q(v.name)}${v.options ? ` with (${v.options.join(', ')})` : ''} as ${v.def}`,
        ...(await grantsOf(db, v.oid, v.name)),
        ...(v.comment === null ? [] : [`comment on view ${q(v.name)} is ${literal(v.comment)}`]),
      ],
    });
  }
  return {
    table,
    kind: rel.kind,
    rowSecurity: rel.rls,
    forceRowSecurity: rel.force,
    columns: columns.filter((c) => c.generated === '').map((c) => c.name),
    sequences: sequences.map((s) => `alter sequence ${q(s.seq)} owned by ${q(table)}.${q(s.col)}`),
    keys: constraints.filter((c) => c.type !== 'f').map((c) => ({ name: c.name, def: c.def })),
    indexes: indexes.map((i) => ({ name: i.name, def: i.def })),
    foreignKeys: constraints.filter((c) => c.type === 'f').map(addConstraint),
    referencing: referencing.map((r) => ({
      drop: `alter table ${q(r.from)} drop constraint ${q(r.name)}`,
      add: `alter table ${q(r.from)} add constraint ${q(r.name)} ${r.def}`,
    })),
    triggers: triggers.map((t) => t.def),
    disabledTriggers: triggers.filter((t) => t.enabled === 'D').map((t) => `alter table ${q(table)} disable trigger ${q(t.name)}`),
    policies: policies.filter((p) => p.table === table).map(policyStatement),
    dependentPolicies: policies.filter((p) => p.table !== table).map((p) => ({ drop: `drop policy ${q(p.name)} on ${q(p.table)}`, add: policyStatement(p) })),
    views: viewStatements,
    grants: await grantsOf(db, oid, table),
    comments,
    unsupported,
  };
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
