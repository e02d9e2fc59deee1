-- Causes of poverty (致贫原因) per household: several codes, one of them the main cause (issue 20,
-- must-have 5). The staging table of the household import gets the same columns (COPY names them).
alter table households
  add column poverty_causes text[] not null default '{}'
    check (poverty_causes <@ array['illness', 'disaster', 'disability', 'schooling', 'lack_of_labour', 'lack_of_skills', 'other']::text[]),
  add column main_poverty_cause text,
  add constraint households_main_poverty_cause_listed
    check ((main_poverty_cause is null) = (cardinality(poverty_causes) = 0) and (main_poverty_cause is null or main_poverty_cause = any (poverty_causes)));

alter table registry_stage_households
  add column poverty_causes text[] not null default '{}',
  add column main_poverty_cause text;
