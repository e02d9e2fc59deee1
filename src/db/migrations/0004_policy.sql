-- Policy parameters (政策参数) in the database: one definition per legal quantity and its dated
-- values per area (and rule set). Values come from the YAML files (origin 'file', loaded at start)
-- or from the API (origin 'api'). A value that was used by a payment or decision (used_at set) is
-- never edited, only superseded by a later dated value.

create table policy_parameters (
  name         text primary key,
  description  text not null,
  unit         text not null,
  reference    text not null
);

create table policy_values (
  id               bigserial primary key,
  name             text not null references policy_parameters (name),
  area             text not null,
  rule_set         text check (rule_set in ('cn-2012', 'cn-2021')),
  effective        date not null,
  value            jsonb not null,
  value_reference  text,
  origin           text not null check (origin in ('file', 'api')),
  created_by       text not null,
  created_at       timestamptz not null default now(),
  used_at          timestamptz
);
create unique index policy_values_key on policy_values (name, area, coalesce(rule_set, '*'), effective);
