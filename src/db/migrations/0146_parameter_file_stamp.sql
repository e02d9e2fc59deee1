-- The parameter files' stamp (issue #25, a restart within 3 s): a hash of the files as last synced into
-- policy_parameters / policy_values. A start whose files hash the same skips parsing the YAML and comparing.
create table policy_file_stamp (
  id int primary key default 1 check (id = 1),
  stamp text not null,
  synced_at timestamptz not null default now()
);
