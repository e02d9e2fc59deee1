// The contract-test helper itself: the vendored spec loads, its schemas accept good bodies and name the fault in bad ones.
import { describe, expect, it } from 'vitest';
import { ACK_POINTER, openApiToJsonSchema, pathPointer, specErrors } from './testing.ts';

const header = { version: '1.0.0', message_id: 'm1', message_ts: '2026-12-07T10:00:00+08:00', action: 'search', sender_id: 'hi.example.org', total_count: 1 };
const search = {
  transaction_id: 't1',
  search_request: [{ reference_id: 'r1', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'idtype-value', query: { type: 'UIN', value: '522701195001010011' } } }],
};

describe('the vendored SPDCI spec as contract', () => {
  it.each([
    ['a search request', pathPointer('/registry/search', 'request'), { header, message: search }, []],
    ['a header without sender_id', pathPointer('/registry/search', 'request'), { header: { ...header, sender_id: undefined }, message: search }, ['sender_id']],
    ['a timestamp without offset form', pathPointer('/registry/search', 'request'), { header: { ...header, message_ts: '7 Dec 2026' }, message: search }, ['date-time']],
    ['an over-long transaction_id', '#/components/schemas/SearchRequest', { ...search, transaction_id: 'x'.repeat(100) }, ['maxLength']],
    ['an ACK', ACK_POINTER, { message: { ack_status: 'ACK', timestamp: '2026-12-07T10:00:00+08:00', correlation_id: 'c1' } }, []],
    ['an ACK with error: null', ACK_POINTER, { message: { ack_status: 'ERR', timestamp: '2026-12-07T10:00:00+08:00', correlation_id: 'c1', error: null } }, ['type']],
    ['an unknown error code', ACK_POINTER, { message: { ack_status: 'ERR', timestamp: '2026-12-07T10:00:00+08:00', correlation_id: 'c1', error: { code: 'err.nope' } } }, ['allowedValues']],
    ['an ACK without correlation_id', ACK_POINTER, { message: { ack_status: 'ACK', timestamp: '2026-12-07T10:00:00+08:00' } }, ['correlation_id']],
  ])('%s', (_what, pointer, body, faults) => {
    const errors = specErrors(pointer, JSON.parse(JSON.stringify(body)));
    if (faults.length === 0) expect(errors).toEqual([]);
    for (const f of faults) expect(errors.join('\n')).toContain(f);
  });

  it('keeps an example that the document uses as a schema, drops the others, and maps nullable', () => {
    const doc = { a: { type: 'string', nullable: true, example: 'x' }, b: { example: { type: 'object' } } };
    expect(openApiToJsonSchema(doc, new Set(['#/b/example']))).toEqual({ a: { type: ['string', 'null'] }, b: { example: { type: 'object' } } });
  });
});
