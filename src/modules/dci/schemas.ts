// zod forms of the SPDCI envelope (spec/spdci/social_api_v1.0.0.yaml, MsgHeader_V1.0.0,
// MsgCallbackHeader_V1.0.0, the ACK Response, HttpErrorResponse): requests are read with these, answers declared.
// Objects are loose: the spec allows extra members, and a message's own parts are checked by the services.
import { z } from 'zod';
import { isTimestamp } from './time.ts';

export const timestamp = z.string().max(40).refine(isTimestamp, '应为带时区的 RFC 3339 时间，如 2026-12-07T10:00:00+08:00');
export const LOCALE = 'zho';
export const locale = z.string().regex(/^[a-z]{3}$/, '应为 ISO 639-3 语言代码（小写三字母，如 zho）');

export const msgHeader = z.looseObject({
  version: z.string().max(20).optional(),
  message_id: z.string().min(1).max(99),
  message_ts: timestamp,
  action: z.string().min(1).max(50),
  sender_id: z.string().min(1).max(100),
  sender_uri: z.string().max(500).optional(),
  receiver_id: z.string().max(100).optional(),
  total_count: z.number().int().min(0).max(1000),
  is_msg_encrypted: z.boolean().optional(),
  meta: z.looseObject({}).optional(),
});
export type MsgHeader = z.output<typeof msgHeader>;

export const requestEnvelope = z.looseObject({
  signature: z.string().max(4000).optional(),
  header: msgHeader,
  message: z.record(z.string(), z.unknown()),
});
export type RequestEnvelope = z.output<typeof requestEnvelope>;

export const callbackHeader = z.looseObject({
  version: z.string().optional(),
  message_id: z.string(),
  message_ts: z.string(),
  action: z.string(),
  status: z.enum(['rcvd', 'pdng', 'succ', 'rjct']),
  status_reason_code: z.string().optional(),
  status_reason_message: z.string().max(999).optional(),
  total_count: z.number().int().optional(),
  completed_count: z.number().int().optional(),
  sender_id: z.string().optional(),
  receiver_id: z.string().optional(),
  is_msg_encrypted: z.boolean().optional(),
});
export type CallbackHeader = z.output<typeof callbackHeader>;

/** A callback as received (subscriber role): callback header, any message. */
export const callbackEnvelope = z.looseObject({
  signature: z.string().max(4000).optional(),
  header: callbackHeader.extend({ message_ts: timestamp, message_id: z.string().min(1).max(99), sender_id: z.string().min(1).max(100) }),
  message: z.record(z.string(), z.unknown()).optional(),
});

export const SPEC_ERROR_CODES = [
  'err.request.bad', 'err.request.unauthorized', 'err.request.forbidden', 'err.request.not_found', 'err.request.timeout', 'err.version.not_supported',
  'err.request.too_many_requests', 'err.sender_id.invalid', 'err.sender_uri.invalid', 'err.receiver_id.invalid', 'err.signature.missing',
  'err.signature.invalid', 'err.encryption.invalid', 'err.service.unavailable',
] as const;
export type SpecErrorCode = (typeof SPEC_ERROR_CODES)[number];

export const ackResponse = z.object({
  message: z.object({
    ack_status: z.enum(['ACK', 'NACK', 'ERR']),
    timestamp: z.string(),
    correlation_id: z.string().max(99),
    error: z.object({ code: z.enum(SPEC_ERROR_CODES), message: z.string().max(999) }).optional(),
  }),
});
export type AckResponse = z.output<typeof ackResponse>;

export const httpErrorResponse = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() })) });

/** A signed answer of a sync endpoint: callback header and the message (SearchResponse, TxnStatusResponse). */
export const syncResponse = z.object({ signature: z.string(), header: callbackHeader, message: z.record(z.string(), z.unknown()) });
