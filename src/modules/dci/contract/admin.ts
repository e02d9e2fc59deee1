// The staff API of the connected systems (/api/v1/dci/clients…): the routes' zod schemas.
import { z } from 'zod';
import { ATTRIBUTES } from '../attributes.ts';

const attribute = z.enum(ATTRIBUTES);
const time = z.string().describe('ISO 8601');

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
