-- 政策性农房保险 in the statistics: the housing-insurance module adds insured households (a flow in the
-- policy's first month of its year) and paid claims with their amounts (in the month of payment) to the
-- roll-up (src/modules/housing-insurance/repo/rollup.ts). Inserting or deleting insured households and
-- inserting or changing claims mark their villages dirty, as the medical tables do (0082): one insert …
-- select distinct per statement, so insuring a county's whole registry costs one statement.
create trigger stats_housing_insurance_insured_ins after insert on housing_insurance_insured referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_housing_insurance_insured_del after delete on housing_insurance_insured referencing old table as old_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_housing_insurance_claims_ins after insert on housing_insurance_claims referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_housing_insurance_claims_upd after update on housing_insurance_claims referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();
