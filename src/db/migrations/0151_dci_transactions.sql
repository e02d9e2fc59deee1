-- SPDCI transactions (one row per accepted request message: its correlation_id, status and answer) and the
-- durable outbox of callbacks (on-search, on-subscribe, on-unsubscribe, txn/on-status, notify), retried with
-- backoff until delivered; rows of one ordering key (a household for notify) go out in id order.
create table dci_transactions (
  correlation_id   text primary key,
  client_id        text not null references dci_clients (client_id),
  message_id       text not null,
  transaction_id   text not null,
  action           text not null,
  reference_ids    text[] not null default '{}',
  status           text not null check (status in ('rcvd', 'pdng', 'succ', 'rjct')),
  -- the answer's message (SearchResponse, …) once known
  response         jsonb,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (client_id, message_id)
);
create index dci_transactions_txn_idx on dci_transactions (client_id, transaction_id);

create table dci_outbox (
  id               bigserial primary key,
  client_id        text not null references dci_clients (client_id),
  url              text not null,
  action           text not null,
  -- the whole signed envelope, as sent
  body             jsonb not null,
  ordering_key     text not null,
  correlation_id   text,
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  delivered_at     timestamptz,
  failed_at        timestamptz,
  created_at       timestamptz not null default now()
);
create index dci_outbox_due_idx on dci_outbox (next_attempt_at) where delivered_at is null and failed_at is null;
create index dci_outbox_key_idx on dci_outbox (ordering_key, id) where delivered_at is null and failed_at is null;
