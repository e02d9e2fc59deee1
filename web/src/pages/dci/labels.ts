// The Chinese (or English) names of what the connected systems' API answers as codes: actions, statuses, events.
import type { DciKey } from './i18n.ts';

const ACTIONS = ['search', 'txn-status', 'subscribe', 'unsubscribe'] as const;
const EVENTS = ['REGISTER', 'UPDATE', 'DEREGISTER', 'NewHouseHoldMember'] as const;
const RECORDS = ['Group', 'Member'] as const;

const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export const actionKey = (action: string): DciKey => (known(ACTIONS, action) ? `dci.action.${action}` : 'dci.action.other');

/** An event type, also in the spec's long form (`spdci:common:RegistryEventType:NewHouseHoldMember`). */
export function eventKey(event: string): DciKey {
  const short = event.slice(event.lastIndexOf(':') + 1);
  return known(EVENTS, short) ? `dci.event.${short}` : 'dci.event.other';
}

export const recordKey = (record: string): DciKey => (known(RECORDS, record) ? `dci.record.${record}` : 'dci.record.other');
