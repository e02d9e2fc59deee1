// The SQL of the 社会救助协理员 register: one assistant, lists with their open tasks.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Funding } from '../codes.ts';

export interface AssistantRow {
  county_code: string; id: number; name: string; id_number: string; phone: string | null; village_code: string; village_name: string;
  employed_from: string; employed_to: string | null; funding: Funding; contract_id: number | null; contract_no: string | null;
  user_id: number | null; username: string | null; open_tasks: number;
}
const SELECT = sql`
  select s.county_code, s.id::int as id, s.name, s.id_number, s.phone, s.village_code, v.name as village_name, s.employed_from, s.employed_to, s.funding,
    s.contract_id::int as contract_id, c.contract_no, s.user_id::int as user_id, u.username,
    (select count(*)::int from purchase_tasks t where t.county_code = s.county_code and t.assistant_id = s.id and t.status = 'assigned') as open_tasks
  from assistance_assistants s join areas v on v.code = s.village_code
  left join purchase_contracts c on c.county_code = s.county_code and c.id = s.contract_id
  left join users u on u.id = s.user_id`;

export async function assistantById(db: Kysely<DB>, id: number): Promise<AssistantRow | undefined> {
  const { rows } = await sql<AssistantRow>`${SELECT} where s.id = ${id}`.execute(db);
  return rows[0];
}

export async function assistantsIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: { county?: string | undefined; area?: Expression<SqlBool> | undefined; inPostOn?: string | undefined }): Promise<AssistantRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`s.county_code = ${f.county}`);
  if (f.area !== undefined) where.push(f.area);
  if (f.inPostOn !== undefined) where.push(sql<SqlBool>`s.employed_from <= ${f.inPostOn} and (s.employed_to is null or s.employed_to >= ${f.inPostOn})`);
  const { rows } = await sql<AssistantRow>`${SELECT} where ${sql.join(where, sql` and `)} order by s.village_code, s.id limit 2000`.execute(db);
  return rows;
}
