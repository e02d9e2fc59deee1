-- Household imports (导入): the error report of each import, kept for download and scoped by the
-- importer's area; staging tables that a file is COPY'd into before one transaction moves it into
-- the registry; and the record of loaded demo data, one row per seed.

create table registry_import_reports (
  id            bigserial primary key,
  area_code     text not null,
  actor_id      bigint,
  actor_name    text not null,
  file_name     text not null default '',
  format        text not null check (format in ('xlsx', 'csv')),
  partial       boolean not null,
  summary       jsonb not null,
  errors        jsonb not null,
  created_at    timestamptz not null default now()
);
create index registry_import_reports_area_idx on registry_import_reports (area_code, id);

-- Staging: rows carry the import's id; they are deleted when the import commits or fails.
create unlogged table registry_stage_households (like households including defaults, import_id bigint not null);
create unlogged table registry_stage_members (like members including defaults, import_id bigint not null);
create unlogged table registry_stage_income_items (like income_items including defaults, import_id bigint not null);
create unlogged table registry_stage_assets (like assets including defaults, import_id bigint not null);
create index registry_stage_households_import_idx on registry_stage_households (import_id);
create index registry_stage_members_import_idx on registry_stage_members (import_id);
create index registry_stage_income_items_import_idx on registry_stage_income_items (import_id);
create index registry_stage_assets_import_idx on registry_stage_assets (import_id);

create table registry_demo_loads (
  seed          text primary key,
  households    integer not null,
  members       integer not null,
  skipped       integer not null,
  loaded_at     timestamptz not null default now()
);
