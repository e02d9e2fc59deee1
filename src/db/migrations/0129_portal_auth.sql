-- Citizen sign-in for the portal (issue 21, must-have 1): one-time SMS codes, the log of code
-- requests (what the per-ID and per-address hourly limits count) and portal sessions. Codes and
-- session tokens are stored hashed only. Portal sessions are separate from staff `sessions`: a
-- portal cookie never opens the staff API, nor a staff session the portal.
create table portal_codes (
  id           bigserial primary key,
  id_number    text not null,
  phone        text not null,
  code_hash    text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  attempts     integer not null default 0 check (attempts >= 0),
  consumed_at  timestamptz
);
create index portal_codes_id_number_idx on portal_codes (id_number, created_at desc);

create table portal_code_requests (
  id            bigserial primary key,
  id_number     text not null,
  ip            text not null,
  requested_at  timestamptz not null
);
create index portal_code_requests_id_number_idx on portal_code_requests (id_number, requested_at);
create index portal_code_requests_ip_idx on portal_code_requests (ip, requested_at);

create table portal_sessions (
  token_hash    text primary key,
  id_number     text not null,
  created_at    timestamptz not null,
  last_seen_at  timestamptz not null,
  expires_at    timestamptz not null,
  revoked_at    timestamptz
);
create index portal_sessions_id_number_idx on portal_sessions (id_number);
