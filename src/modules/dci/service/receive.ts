// What every signed request goes through before its message is read: the bearer token (a client of ours,
// not revoked), the header (action, sender, version, encryption), the signature over {header, message} with the
// client's keys. Test mode also accepts the unsigned stubs `unsigned-stub` and `unsigned` — never any other
// invalid signature.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { RequestEnvelope } from '../schemas.ts';
import { verifyEnvelope } from '../signature/envelope.ts';
import { activeClient, type DciClient } from './clients.ts';
import { verifyToken } from './jwt.ts';

export const UNSIGNED_STUBS: ReadonlySet<string> = new Set(['unsigned-stub', 'unsigned']);
export const VERSION = '1.0.0';

export const specError = (code: 'err.request.bad' | 'err.version.not_supported' | 'err.sender_id.invalid' | 'err.signature.missing' | 'err.signature.invalid' | 'err.encryption.invalid', message: string) => new AppError(code, message, 400);

/** The client of a bearer token, or 401. */
export async function clientOfToken(db: Database, authorization: string | undefined): Promise<DciClient> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const clientId = token ? await verifyToken(db, token) : null;
  const client = clientId ? await activeClient(db, clientId) : null;
  if (!client) throw new AppError('err.request.unauthorized', '缺少或无效的访问令牌（Authorization: Bearer，取自 /dci/oauth2/client/token），或接入系统已停用', 401);
  return client;
}

/** Checks the envelope of a request for `action` from `client` (header and signature). */
export function checkEnvelope(client: DciClient, body: { signature?: string | undefined; header: Pick<RequestEnvelope['header'], 'action' | 'sender_id' | 'version' | 'is_msg_encrypted'>; message?: unknown }, actions: readonly string[], testMode: boolean): void {
  const { header } = body;
  if (!actions.includes(header.action)) throw specError('err.request.bad', `header.action: 应为 ${actions.join(' 或 ')}（收到 ${header.action}）`);
  if (header.version !== undefined && header.version !== VERSION) throw specError('err.version.not_supported', `header.version: 仅支持 ${VERSION}（收到 ${header.version}）`);
  if (header.sender_id !== client.clientId) throw specError('err.sender_id.invalid', `header.sender_id: 应为令牌所属的接入系统 ${client.clientId}`);
  if (header.is_msg_encrypted === true) throw specError('err.encryption.invalid', 'header.is_msg_encrypted: 本系统不接受加密报文');
  const signature = body.signature?.trim();
  if (!signature) throw specError('err.signature.missing', 'signature: 报文缺少签名');
  if (testMode && UNSIGNED_STUBS.has(signature)) return;
  const r = verifyEnvelope(signature, body.header, body.message, client.keys, client.clientId);
  if (!r.ok) throw specError('err.signature.invalid', `signature: ${r.reason}`);
}
