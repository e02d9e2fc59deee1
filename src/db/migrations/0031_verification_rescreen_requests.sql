-- A rescreen run writes one request per county (its findings name their cases), not one per case:
-- a request names a case only when it is a case's own verification request.
alter table verification_requests alter column case_id drop not null;
alter table verification_requests alter column household_id drop not null;
create index verification_requests_rescreen on verification_requests (rescreen_id) where rescreen_id is not null;
