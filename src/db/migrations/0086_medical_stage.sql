-- Staging for the settlement import (as the registry import's, 0003): the checked rows are COPYed here
-- outside the import's transaction (COPY is the fast path on both engines), then moved into the ledger by
-- one INSERT … SELECT inside it, and cleared whatever happens. No defaults, keys or indexes: the COPY
-- gives every column but the id (the ledger's own sequence numbers the rows as they move), and the
-- table is empty between imports.
create unlogged table medical_stage_episodes (like medical_episodes, stage_id bigint not null);
alter table medical_stage_episodes alter column id drop not null;
create sequence medical_stage_seq;

-- An episode's area is its household's village, read from the registry as the row is written (a claim
-- from its case, a settlement from the member matched by ID number): the per-row check of the areas key
-- cost the import about as much as one of the ledger's indexes (as 0071 reasoned for payroll lines).
alter table medical_episodes drop constraint medical_episodes_area_code_fkey;
