-- The portal's OIDC sign-in (provincial 一网通办, issue 21): one row per sign-in started, holding what the
-- callback must match (state, nonce, PKCE verifier, the redirect URI sent). The state is stored hashed;
-- a row is used at most once and lives 10 minutes; expired rows are removed when a sign-in starts.
create table portal_oidc_logins (
  state_hash     text primary key,
  nonce          text not null,
  code_verifier  text not null,
  redirect_uri   text not null,
  created_at     timestamptz not null,
  expires_at     timestamptz not null,
  used_at        timestamptz
);
create index portal_oidc_logins_expires_idx on portal_oidc_logins (expires_at);
