-- Caseload import (存量对象导入, issue 20): recipients of a previous 低保/特困 system brought in as
-- approved cases. Their one decision is of its own kind, `migration` (迁移导入): it records what the
-- previous system decided (approval date, amount) without a procedure behind it.
alter table case_decisions drop constraint case_decisions_kind_check;
alter table case_decisions add constraint case_decisions_kind_check
  check (kind in ('approve', 'reject', 'review', 'change', 'suspend', 'resume', 'gradual_exit', 'exit', 'migration'));

-- Staging for the import (as the settlement import's, 0086): the checked rows are COPYed here outside the
-- import's transaction, moved into cases, transitions, decisions and entitlements by one statement per
-- programme inside it, and cleared whatever happens. No keys or indexes; empty between imports. Scalars
-- only: the JSON of the context, explanation and summary is built as the rows move (a third of the size).
create unlogged table caseload_stage (
  stage_id         bigint not null,
  row_no           int not null,
  programme        text not null,
  rule_set         text not null,
  county_code      text not null,
  household_id     bigint not null,
  area_code        text not null,
  member_id        bigint not null,
  name             text not null,
  id_number        text not null,
  decided_on       date not null,
  effective_month  text not null,
  from_month       text not null,
  review_due       date,
  amount_fen       bigint not null,
  persons          int not null,
  -- what the case's context, the decision's explanation and the entitlement's summary are built from
  stability        text,
  support_mode     text,
  institution_id   bigint,
  last_review_on   date,
  members          text,
  formula_fen      bigint,
  formula_note     text,
  topup            int not null,
  payee            text not null,
  payee_name       text not null,
  payee_id_number  text not null
);
create sequence caseload_stage_seq;
