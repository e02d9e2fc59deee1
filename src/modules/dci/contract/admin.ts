// The staff API of the connected systems (/api/v1/dci/clients…): the routes' zod schemas.
import { z } from 'zod';
import { ATTRIBUTES } from '../attributes.ts';

const attribute = z.enum(ATTRIBUTES, { message: `应为 ${ATTRIBUTES.join('、')} 之一` });
const time = z.string().describe('ISO 8601');

const callbackUrl = z.string().max(500).refine((v) => URL.canParse(v) && ['https:', 'http:'].includes(new URL(v).protocol), '应为 https:// 开头的地址');

/** A client to register (the CLI's `dci client add` and the web's form). */
export const newClientSchema = z.strictObject({
  clientId: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '应为 3–64 位小写字母、数字或 . _ -'),
  name: z.string().trim().min(1).max(100),
  areaCodes: z.array(z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '应为州、县、乡镇或村的区划代码')).min(1, '至少一个地区'),
  attributes: z.array(attribute).min(1, '至少一个属性'),
  unmasked: z.array(attribute).default([]),
  /** A JWKS (`{"keys": […]}`) or a PEM public key. */
  publicKeys: z.string().max(20000).optional(),
  callbackUrls: z.array(callbackUrl).max(20).default([]),
});

export const clientView = z.object({
  clientId: z.string(),
  name: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  attributes: z.array(attribute),
  /** Of `attributes`, those it reads unmasked (by grant). */
  unmasked: z.array(attribute),
  callbackUrls: z.array(z.string()),
  keys: z.array(z.object({ kid: z.string(), thumbprint: z.string() })),
  state: z.enum(['active', 'revoked']),
  createdAt: time,
  revokedAt: time.nullable(),
  /** Its last search (sync or async), and its searches in the last 30 days. */
  lastQueryAt: time.nullable(),
  queries30d: z.number().int(),
});

export const clientList = z.object({ items: z.array(clientView) });
export const registeredClient = z.object({ client: clientView, secret: z.string().describe('client_secret: shown this once, kept only as a hash') });
export const revokedClient = z.object({ client: clientView });
export const clientParams = z.strictObject({ clientId: z.string().min(1).max(64) });

export const transactionView = z.object({
  transactionId: z.string(),
  /** search, txn-status, subscribe, unsubscribe. */
  action: z.string(),
  at: time,
  /** Records a search answered; null for other actions. */
  records: z.number().int().nullable(),
  status: z.enum(['rcvd', 'pdng', 'succ', 'rjct']),
});
export const transactionList = z.object({ items: z.array(transactionView) });

export const subscriptionView = z.object({
  code: z.string(),
  /** REGISTER, UPDATE, DEREGISTER, NewHouseHoldMember. */
  eventType: z.string(),
  /** Group (household) or Member. */
  recordType: z.string(),
  callbackUrl: z.string(),
  status: z.enum(['subscribe', 'unsubscribe']),
  createdAt: time,
  unsubscribedAt: time.nullable(),
});
export const subscriptionList = z.object({ items: z.array(subscriptionView) });
