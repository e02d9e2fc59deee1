-- What the last rescreen (定期复核比对) of each county consumed (issue 25): the latest snapshot of every
-- source it matched against, and per granted case a fingerprint of what was matched (the case's village,
-- its members' ID numbers, names and birth dates), as two arrays in case order. The next rescreen matches a
-- case whose fingerprint changed (or a case newly granted) against every snapshot and the others only
-- against snapshots newer than their county's; with nothing new it does not join the partner records.
-- Arrays, not a row per case: the state of a county is written whole, in one row, at the end of each run.
create table verification_rescreen_counties (
  county_code   text primary key,
  rescreen_id   bigint not null references verification_rescreens (id),
  snapshots     bigint[] not null,
  case_ids      bigint[] not null,
  fingerprints  bigint[] not null,
  check (cardinality(case_ids) = cardinality(fingerprints))
);
