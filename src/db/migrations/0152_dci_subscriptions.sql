-- SPDCI subscriptions (registry role) and callbacks received from other registries (subscriber role).
-- A subscription follows registry_history from the row after `cursor_id`: each change of a household in the
-- client's scope becomes a notify in the outbox, in history order.
create table dci_subscriptions (
  code                text primary key,
  client_id           text not null references dci_clients (client_id),
  reg_event_type      text not null,
  filter              jsonb not null,
  notify_record_type  text not null,
  callback_url        text not null,
  cursor_id           bigint not null,
  status              text not null check (status in ('subscribe', 'unsubscribe')),
  created_at          timestamptz not null default now(),
  unsubscribed_at     timestamptz
);
create index dci_subscriptions_client_idx on dci_subscriptions (client_id, status);

create table dci_inbox (
  id           bigserial primary key,
  client_id    text not null references dci_clients (client_id),
  action       text not null,
  message_id   text not null,
  body         jsonb not null,
  received_at  timestamptz not null default now(),
  unique (client_id, message_id, action)
);
