import type { Foreign, Probe } from './types.ts';

/**
 * Scope-matrix probes of the SPDCI API (/dci, src/modules/dci), aimed at another area's household: its head's
 * ID number and its household number in every query. These routes take a client's token, not a staff session:
 * the matrix sends them as a staff user and a citizen (refused, 401) and as a client of another area (signed
 * with `DCI_PROBE_SENDER`'s key by the test; the household must not show). Token and JWKS hold no household data.
 */
export const DCI_PROBE_SENDER = 'probe.client';

const header = (action: string, extra: object = {}) => ({ version: '1.0.0', message_id: `probe-${action}-${Math.random().toString(36).slice(2)}`, message_ts: '2026-12-07T10:00:00+08:00', action, sender_id: DCI_PROBE_SENDER, total_count: 1, ...extra });
const search = (f: Foreign) => ({
  transaction_id: 'probe-txn',
  search_request: [
    { reference_id: 'probe-1', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'idtype-value', query: { type: 'UIN', value: f.idNumber }, reg_record_type: 'Member' } },
  ],
});
const byHousehold = (f: Foreign) => ({
  transaction_id: 'probe-txn-2',
  search_request: [
    { reference_id: 'probe-2', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'predicate', query: [{ expression1: { attribute_name: 'area', operator: 'eq', attribute_value: f.village } }] } },
  ],
});
const txnStatus = () => ({ transaction_id: 'probe-status', txnstatus_request: { reference_id: 'probe-3', txn_type: 'search', attribute_type: 'transaction_id', attribute_value: 'probe-txn' } });
const callback = (action: string, f: Foreign) => ({ header: { ...header(action), status: 'succ' }, message: { transaction_id: 'probe-cb', notify_event: [{ reference_id: f.householdNo, timestamp: '2026-12-07T10:00:00+08:00', data: { reg_record_type: 'Member', reg_records: { id: f.idNumber } } }] } });

export const dciProbes: Record<string, Probe> = {
  'POST /dci/oauth2/client/token': () => ({ method: 'POST', url: '/dci/oauth2/client/token', payload: { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' } }),
  'GET /dci/.well-known/jwks.json': () => ({ method: 'GET', url: '/dci/.well-known/jwks.json' }),
  'POST /dci/sr/registry/sync/search': (f) => ({ method: 'POST', url: '/dci/sr/registry/sync/search', payload: { header: header('search'), message: search(f) } }),
  'POST /dci/sr/registry/search': (f) => ({ method: 'POST', url: '/dci/sr/registry/search', payload: { header: header('search', { sender_uri: 'https://93.184.216.34/cb' }), message: byHousehold(f) } }),
  'POST /dci/sr/registry/subscribe': (f) => ({ method: 'POST', url: '/dci/sr/registry/subscribe', payload: { header: header('subscribe', { sender_uri: 'https://93.184.216.34/cb' }), message: { transaction_id: 'probe-sub', subscribe_request: [{ reference_id: 'probe-4', timestamp: '2026-12-07T10:00:00+08:00', subscribe_criteria: { reg_event_type: 'UPDATE', filter_type: 'idtype-value', filter: { type: 'HOUSEHOLD_ID', value: f.householdNo }, notify_record_type: 'Group' } }] } } }),
  'POST /dci/sr/registry/unsubscribe': () => ({ method: 'POST', url: '/dci/sr/registry/unsubscribe', payload: { header: header('unsubscribe', { sender_uri: 'https://93.184.216.34/cb' }), message: { transaction_id: 'probe-unsub', timestamp: '2026-12-07T10:00:00+08:00', subscription_codes: ['probe-code'] } } }),
  'POST /dci/sr/registry/sync/txn/status': () => ({ method: 'POST', url: '/dci/sr/registry/sync/txn/status', payload: { header: header('txn-status'), message: txnStatus() } }),
  'POST /dci/sr/registry/txn/status': () => ({ method: 'POST', url: '/dci/sr/registry/txn/status', payload: { header: header('txn-status', { sender_uri: 'https://93.184.216.34/cb' }), message: txnStatus() } }),
  'POST /dci/sr/registry/on-search': (f) => ({ method: 'POST', url: '/dci/sr/registry/on-search', payload: callback('on-search', f) }),
  'POST /dci/sr/registry/on-subscribe': (f) => ({ method: 'POST', url: '/dci/sr/registry/on-subscribe', payload: { header: header('on-subscribe'), message: { transaction_id: 'probe', correlation_id: f.householdNo, subscribe_response: [] } } }),
  'POST /dci/sr/registry/on-unsubscribe': (f) => ({ method: 'POST', url: '/dci/sr/registry/on-unsubscribe', payload: { header: header('on-unsubscribe'), message: { transaction_id: 'probe', correlation_id: f.householdNo, timestamp: '2026-12-07T10:00:00+08:00', status: 'succ' } } }),
  'POST /dci/sr/registry/txn/on-status': (f) => ({ method: 'POST', url: '/dci/sr/registry/txn/on-status', payload: callback('txn-on-status', f) }),
  'POST /dci/sr/registry/notify': (f) => ({ method: 'POST', url: '/dci/sr/registry/notify', payload: callback('notify', f) }),
};
