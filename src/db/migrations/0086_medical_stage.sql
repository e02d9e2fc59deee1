-- Staging for the settlement import (as the registry import's, 0003): the checked rows are COPYed here
-- outside the import's transaction (COPY is the fast path on both engines), then moved into the ledger by
-- one INSERT … SELECT inside it, and cleared whatever happens.
create unlogged table medical_stage_episodes (like medical_episodes including defaults, stage_id bigint not null);
create index medical_stage_episodes_stage_idx on medical_stage_episodes (stage_id);
create sequence medical_stage_seq;
