import type { Command } from 'commander';
import { AppError } from '../../kernel/errors.ts';
import { withDb } from './db.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerUsers(program: Command): void {
  program
    .command('users')
    .description('user accounts')
    .command('create')
    .description('create a user (the first admin, for instance); password from --password-stdin or JIUZHU_PASSWORD')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>')
    .requiredOption('--role <role>', 'village_clerk | township_caseworker | county_approver | prefecture_admin | auditor | partner')
    .requiredOption('--area <code>', 'area code the user belongs to')
    .option('--department <dept>', 'for partner users')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (o: { username: string; name: string; role: string; area: string; department?: string; passwordStdin?: boolean }) => {
      const [{ systemScope }, { createUser, newUserSchema }] = await Promise.all([import('../../kernel/scope.ts'), import('../../modules/users/index.ts')]);
      const password = o.passwordStdin ? await readStdin() : process.env.JIUZHU_PASSWORD;
      if (!password) throw AppError.field('password', '请用 --password-stdin 或 JIUZHU_PASSWORD 提供密码');
      const parsed = newUserSchema.safeParse({ username: o.username, displayName: o.name, role: o.role, areaCode: o.area, password, ...(o.department ? { department: o.department } : {}) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw AppError.field(issue?.path.join('.') ?? 'input', issue?.message ?? 'invalid');
      }
      const user = await withDb((db) => createUser(db, systemScope('cli'), parsed.data));
      console.log(`created ${user.username} (${user.role}, ${user.areaName} ${user.areaCode})`);
    });
}
