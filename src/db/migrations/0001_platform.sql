-- Platform: areas, users, sessions, login attempts, audit log.

create table areas (
  code            text primary key,
  name            text not null,
  level           text not null check (level in ('prefecture', 'county', 'township', 'village')),
  parent_code     text references areas (code),
  kind            text not null default 'standard' check (kind in ('standard', 'functional_zone')),
  -- the GB/T 2260 / statistical code where a functional zone re-codes an area
  stat_code       text,
  urban           boolean,
  prefecture_code text not null,
  county_code     text
);
create index areas_parent_idx on areas (parent_code);
create index areas_county_idx on areas (county_code);

create table users (
  id            bigserial primary key,
  username      text not null unique,
  display_name  text not null,
  role          text not null check (role in ('village_clerk', 'township_caseworker', 'county_approver',
                                              'prefecture_admin', 'auditor', 'partner')),
  area_code     text not null references areas (code),
  department    text,
  password_hash text not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  check ((role = 'partner') = (department is not null))
);
create index users_area_idx on users (area_code);

create table sessions (
  token_hash   text primary key,
  user_id      bigint not null references users (id),
  kind         text not null check (kind in ('cookie', 'api')),
  label        text,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table login_attempts (
  id        bigserial primary key,
  username  text not null,
  ip        text not null,
  at        timestamptz not null default now(),
  success   boolean not null
);
create index login_attempts_user_idx on login_attempts (username, at);
create index login_attempts_ip_idx on login_attempts (ip, at);

-- Append-only and hash-chained: hash = sha256(prev_hash || canonical JSON of the row).
create table audit_log (
  id          bigint primary key,
  at          timestamptz not null,
  actor_id    bigint,
  actor_name  text,
  action      text not null,
  entity      text not null,
  entity_id   text,
  area_code   text,
  before      jsonb,
  after       jsonb,
  prev_hash   text not null,
  hash        text not null
);
create sequence audit_log_id_seq;
create index audit_log_area_idx on audit_log (area_code, id);
create index audit_log_entity_idx on audit_log (entity, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
