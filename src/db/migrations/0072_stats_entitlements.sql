-- Statistics (0050) count programmes from entitlements (0070) instead of decisions and transitions:
-- an entitlement marks its case's area for the roll-up's refresh (one insert per statement, as in
-- 0050). Decisions and transitions no longer feed any figure, so their marks go: every figure they
-- moved now moves with the entitlement written beside the decision, or with the case's own row (its
-- phase, flags, due dates), which keeps its triggers.
create trigger stats_entitlements_ins after insert on entitlements referencing new table as new_rows
  for each statement execute function stats_mark_area_code();

drop trigger stats_case_decisions_ins on case_decisions;
drop trigger stats_case_transitions_ins on case_transitions;

-- The roll-up's programme rows are recomputed from the entitlements at the next read.
insert into stats_dirty values ('');
