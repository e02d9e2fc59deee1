// Our side of the envelope: callback headers (MsgCallbackHeader), signed with our key; ACK answers.
import crypto from 'node:crypto';
import type { Database } from '../../../db/engine.ts';
import { clock } from '../../../kernel/clock.ts';
import type { AckResponse, CallbackHeader } from '../schemas.ts';
import { signEnvelope } from '../signature/envelope.ts';
import { chinaTimestamp } from '../time.ts';
import { signingKey } from './keys.ts';
import { VERSION } from './receive.ts';

/** Our sender_id in every message we send. */
export const REGISTRY_ID = 'jiuzhu';

export const newId = () => crypto.randomUUID();

export function callbackHeader(action: string, receiverId: string, counts: { total: number; completed: number }, status: CallbackHeader['status'] = 'succ'): CallbackHeader {
  return {
    version: VERSION,
    message_id: newId(),
    message_ts: chinaTimestamp(clock().now()),
    action,
    status,
    total_count: counts.total,
    completed_count: counts.completed,
    sender_id: REGISTRY_ID,
    receiver_id: receiverId,
    is_msg_encrypted: false,
  };
}

export async function signed(db: Database, header: CallbackHeader, message: Record<string, unknown>): Promise<{ signature: string; header: CallbackHeader; message: Record<string, unknown> }> {
  const key = await signingKey(db);
  return { signature: signEnvelope(header, message, key, REGISTRY_ID, clock().now()), header, message };
}

export function ack(correlationId: string): AckResponse {
  return { message: { ack_status: 'ACK', timestamp: chinaTimestamp(clock().now()), correlation_id: correlationId } };
}
