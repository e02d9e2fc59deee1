/**
 * What the application relies on in the schema, read from the catalogue as sorted lines — columns with their
 * defaults, constraints, indexes, triggers, row security and policies, grants, sequence owners, views and
 * comments — with partitions left out and a partitioned index's `ON ONLY` read as `ON`: equal before and after
 * a conversion by src/db/partition.ts, and equal before and after one that failed and was undone.
 */
import { sql } from 'kysely';
import type { Database } from './engine.ts';

export interface SchemaSignature {
  columns: string[];
  constraints: string[];
  indexes: string[];
  triggers: string[];
  rowSecurity: string[];
  policies: string[];
  grants: string[];
  sequences: string[];
  views: string[];
  comments: string[];
}

const lines = async (db: Database, query: ReturnType<typeof sql<{ line: string }>>): Promise<string[]> =>
  (await query.execute(db.kysely)).rows.map((r) => r.line).sort();

/** Relations of the public schema that are not partitions. */
const OWN = sql`c.relnamespace = 'public'::regnamespace and not c.relispartition`;

export async function schemaSignature(db: Database): Promise<SchemaSignature> {
  return {
    columns: await lines(db, sql`select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || case when a.attnotnull then ' not null' else '' end || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') as line
      from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where ${OWN} and c.relkind in ('r', 'p', 'v') and a.attnum > 0 and not a.attisdropped`),
    constraints: await lines(db, sql`select c.relname || '.' || k.conname || ': ' || pg_get_constraintdef(k.oid) as line
      from pg_constraint k join pg_class c on c.oid = k.conrelid where ${OWN} and k.conparentid = 0 and k.contype <> 'n'`),
    indexes: await lines(db, sql`select replace(pg_get_indexdef(x.indexrelid), ' ON ONLY ', ' ON ') as line
      from pg_index x join pg_class c on c.oid = x.indrelid where ${OWN}`),
    triggers: await lines(db, sql`select pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text as line
      from pg_trigger t join pg_class c on c.oid = t.tgrelid where ${OWN} and not t.tgisinternal and t.tgparentid = 0`),
    rowSecurity: await lines(db, sql`select c.relname || ' rls ' || c.relrowsecurity || ' forced ' || c.relforcerowsecurity as line
      from pg_class c where ${OWN} and c.relkind in ('r', 'p')`),
    policies: await lines(db, sql`select concat_ws(' | ', tablename, policyname, permissive, roles::text, cmd, qual, with_check) as line
      from pg_policies where schemaname = 'public'`),
    grants: await lines(db, sql`select c.relname || ' ' || coalesce(pg_get_userbyid(a.grantee), 'public') || ' ' || a.privilege_type || ' ' || a.is_grantable as line
      from pg_class c, aclexplode(c.relacl) a where ${OWN}`),
    sequences: await lines(db, sql`select s.relname || ' owned by ' || c.relname || '.' || a.attname as line
      from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_class c on c.oid = d.refobjid join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
     where d.classid = 'pg_class'::regclass and d.deptype = 'a' and ${OWN}`),
    views: await lines(db, sql`select c.relname || ': ' || pg_get_viewdef(c.oid) as line from pg_class c where ${OWN} and c.relkind = 'v'`),
    comments: await lines(db, sql`select c.relname || '.' || d.objsubid || ': ' || d.description as line
      from pg_description d join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass where ${OWN}`),
  };
}
