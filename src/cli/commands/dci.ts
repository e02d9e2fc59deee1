import fs from 'node:fs';
import type { Command } from 'commander';
import { systemScope } from '../../kernel/scope.ts';
import { addClient, listClients, revokeClient } from '../../modules/dci/index.ts';
import { withDb } from './db.ts';

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
const collect = (v: string, prev: string[]) => [...prev, v];

export function registerDci(program: Command): void {
  const client = program.command('dci').description('SPDCI social-registry API (other systems query and follow the registry)').command('client').description('registered client systems');

  client
    .command('add')
    .description('register a client system; prints its secret once')
    .requiredOption('--id <clientId>', 'client id (sender_id in its messages), e.g. yibao.qiannan')
    .requiredOption('--name <name>', 'the system\'s name, e.g. 黔南州医保局')
    .requiredOption('--areas <codes>', 'comma-separated area codes whose households it sees')
    .requiredOption('--attributes <list>', 'comma-separated attributes it sees: name,id_number,sex,birth_date,age,relation,hukou,area,address,phone,categories,programme,disability')
    .option('--unmasked <list>', 'attributes it sees unmasked (name,id_number,address,phone are masked otherwise)')
    .option('--jwks <file>', 'its public keys: a JWKS file or a PEM public key (Ed25519)')
    .option('--callback <url>', 'an allowed callback URL (repeat; ending in / allows the URLs under it)', collect, [])
    .action(async (o: { id: string; name: string; areas: string; attributes: string; unmasked?: string; jwks?: string; callback: string[] }) => {
      const publicKeys = o.jwks ? fs.readFileSync(o.jwks, 'utf8') : undefined;
      const { client: c, secret } = await withDb((db) => addClient(db, systemScope('cli'), {
        clientId: o.id, name: o.name, areaCodes: list(o.areas), attributes: list(o.attributes), unmasked: list(o.unmasked), callbackUrls: o.callback, ...(publicKeys ? { publicKeys } : {}),
      }));
      console.log(`registered ${c.clientId} (${c.name}): areas ${c.areaCodes.join(',')}, ${c.keys.length} key(s), ${c.callbackUrls.length} callback URL(s)`);
      console.log(`client_secret (shown once): ${secret}`);
    });

  client
    .command('list')
    .description('list client systems')
    .action(async () => {
      const clients = await withDb((db) => listClients(db));
      for (const c of clients) console.log(`${c.clientId}\t${c.revoked ? 'revoked' : 'active'}\t${c.name}\tareas=${c.areaCodes.join(',')}\tattributes=${c.attributes.join(',')}\tunmasked=${c.unmasked.join(',') || '-'}\tkeys=${c.keys.map((k) => k.kid).join(',') || '-'}\tcallbacks=${c.callbackUrls.join(' ') || '-'}`);
      if (clients.length === 0) console.log('no client systems');
    });

  client
    .command('revoke')
    .description('revoke a client system: its tokens stop working at once')
    .requiredOption('--id <clientId>')
    .action(async (o: { id: string }) => {
      await withDb((db) => revokeClient(db, systemScope('cli'), o.id));
      console.log(`revoked ${o.id}`);
    });
}
