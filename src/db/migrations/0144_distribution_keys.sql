-- Citus-ready keys (issue #24 item 5, docs/scale-out.md): every primary and unique key of a distributed
-- table (src/db/distribution.ts) includes county_code, the distribution column, as a hash-partitioned
-- table or a Citus shard requires. The document numbers that were unique on their own become unique with
-- the county, and a check ties the number's digits 3–8 to the county (as households, cases and relief-
-- station records already do), so a number stays unique nationally. The number stays the leading column:
-- a lookup by number alone still uses the index. Names are kept (error handling matches on some).

alter table payrolls drop constraint payrolls_payroll_no_key,
  add constraint payrolls_payroll_no_key unique (payroll_no, county_code),
  add constraint payrolls_payroll_no_county_check check (substr(payroll_no, 3, 6) = county_code);

alter table verification_requests drop constraint verification_requests_request_no_key,
  add constraint verification_requests_request_no_key unique (request_no, county_code),
  add constraint verification_requests_request_no_county_check check (substr(request_no, 3, 6) = county_code);

alter table medical_subsidy_lists drop constraint medical_subsidy_lists_list_no_key,
  add constraint medical_subsidy_lists_list_no_key unique (list_no, county_code),
  add constraint medical_subsidy_lists_list_no_county_check check (substr(list_no, 3, 6) = county_code);

alter table medical_settlement_imports drop constraint medical_settlement_imports_import_no_key,
  add constraint medical_settlement_imports_import_no_key unique (import_no, county_code),
  add constraint medical_settlement_imports_import_no_county_check check (substr(import_no, 3, 6) = county_code);

alter table disaster_events drop constraint disaster_events_event_no_key,
  add constraint disaster_events_event_no_key unique (event_no, county_code),
  add constraint disaster_events_event_no_county_check check (substr(event_no, 3, 6) = county_code);

alter table disaster_batches drop constraint disaster_batches_batch_no_key,
  add constraint disaster_batches_batch_no_key unique (batch_no, county_code),
  add constraint disaster_batches_batch_no_county_check check (substr(batch_no, 3, 6) = county_code);

alter table housing_insurance_claims drop constraint housing_insurance_claims_claim_no_key,
  add constraint housing_insurance_claims_claim_no_key unique (claim_no, county_code),
  add constraint housing_insurance_claims_claim_no_county_check check (substr(claim_no, 3, 6) = county_code);

alter table purchase_contracts drop constraint purchase_contracts_contract_no_key,
  add constraint purchase_contracts_contract_no_key unique (contract_no, county_code),
  add constraint purchase_contracts_contract_no_county_check check (substr(contract_no, 3, 6) = county_code);

alter table rerate_batches drop constraint rerate_batches_batch_no_key,
  add constraint rerate_batches_batch_no_key unique (batch_no, county_code),
  add constraint rerate_batches_batch_no_county_check check (substr(batch_no, 3, 6) = county_code);

-- unique with the county already, now checked against it too
alter table intake_requests add constraint intake_requests_request_no_county_check check (substr(request_no, 3, 6) = county_code);
alter table complaints add constraint complaints_complaint_no_county_check check (substr(complaint_no, 3, 6) = county_code);
alter table case_batches add constraint case_batches_batch_no_county_check check (substr(batch_no, 3, 6) = county_code);

-- these two already check the number's county
alter table relief_station_records drop constraint relief_station_records_record_no_key,
  add constraint relief_station_records_record_no_key unique (record_no, county_code);
alter table wishes drop constraint wishes_wish_no_key,
  add constraint wishes_wish_no_key unique (wish_no, county_code);

-- A report's version is per event and area; events are a county's. The unique key replaces the index
-- of the same columns.
alter table disaster_reports drop constraint disaster_reports_event_id_area_code_as_of_version_key,
  add constraint disaster_reports_event_id_area_code_as_of_version_key unique (county_code, event_id, area_code, as_of, version);
drop index disaster_reports_event_idx;

-- A hospital stay is settled once in the county that holds the person (a person is in one household at a
-- time: person_index).
drop index medical_episodes_once_idx;
create unique index medical_episodes_once_idx on medical_episodes (id_number, hospital, admitted_on, kind, county_code) where status <> 'void';

-- A portal application is its county's (it names the county's intake request); the id stays the key's
-- leading column.
alter table portal_applications drop constraint portal_applications_pkey,
  add constraint portal_applications_pkey primary key (id, county_code);
