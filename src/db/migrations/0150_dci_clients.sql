-- SPDCI social-registry API (issue 22, src/modules/dci): the systems allowed to call it and our own signing key.
-- A client is a registered system user: its own areas and attributes, a hashed secret for the token endpoint,
-- its public keys (JWKS) for request signatures, and the callback URLs results may be sent to.
create table dci_clients (
  client_id       text primary key check (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  name            text not null,
  secret_hash     text not null,
  -- area codes (any level) whose households the client sees; never empty
  area_codes      text[] not null check (cardinality(area_codes) > 0),
  -- attributes it may read, and those of them it reads unmasked (by grant)
  attributes      text[] not null,
  unmasked        text[] not null default '{}',
  jwks            jsonb not null default '{"keys": []}',
  callback_urls   text[] not null default '{}',
  created_by      text not null,
  created_at      timestamptz not null default now(),
  revoked_at      timestamptz
);

-- The registry's own Ed25519 key(s): the newest unretired signs tokens and callbacks; all unretired are in
-- /dci/.well-known/jwks.json. Made at first start.
create table dci_keys (
  kid          text primary key,
  algorithm    text not null check (algorithm in ('ed25519')),
  private_pem  text not null,
  public_jwk   jsonb not null,
  created_at   timestamptz not null default now(),
  retired_at   timestamptz
);
