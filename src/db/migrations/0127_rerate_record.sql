-- Bulk re-rating (0121), the list is the record: an approved batch writes for every changed case only its
-- new entitlement, which names the batch's item (old → new amount and the worksheet) instead of a decision
-- of its own; the case's decisions and timeline show the item (cases module, repo/rerate-record.ts).
alter table entitlements alter column decision_id drop not null;
alter table entitlements add column rerate_batch_id bigint;
-- The batch, not the item, is the key checked: a key check on rerate_items planned before the table's
-- statistics (PGlite has no autovacuum) scanned a whole batch per row (measured: 2.6 s for 5,343 rows).
-- The item is (county_code, rerate_batch_id, case_id), as the approval writes it from the items.
alter table entitlements add constraint entitlements_rerate_batch_fkey
  foreign key (county_code, rerate_batch_id) references rerate_batches (county_code, id);
alter table entitlements add constraint entitlements_source_check check ((decision_id is null) <> (rerate_batch_id is null));

-- One key check on the case instead of five: the case carries the programme and the household (and
-- through its own keys the area and the programme's row). An entitlement's area is its case's village,
-- copied from the case (and `county_code = left(area_code, 6)` is checked).
create unique index cases_entitlement_key on cases (county_code, id, programme, household_id);
alter table entitlements drop constraint entitlements_county_code_case_id_fkey;
alter table entitlements drop constraint entitlements_county_code_household_id_fkey;
alter table entitlements drop constraint entitlements_programme_fkey;
alter table entitlements drop constraint entitlements_area_code_fkey;
alter table entitlements drop constraint entitlements_county_code_fkey;
alter table entitlements add constraint entitlements_case_fkey
  foreign key (county_code, case_id, programme, household_id) references cases (county_code, id, programme, household_id);
