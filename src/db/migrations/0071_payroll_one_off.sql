-- Payroll pays entitlements (0070) and nothing else. A line now says how it is paid — payee (the
-- recipient, an insurer, an institution) and method (transfer, cash), from the recipient's latest
-- entitlement — and carries the one-off payments (临时救助 and other claims) of its recipient in a
-- column of their own. A one-off entitlement is paid exactly once: the first payroll of its county for a
-- period not before its month that runs after it exists records it here, in the same statement as the
-- lines; discarding that draft deletes the record, so the rerun pays it again.

alter table payroll_lines add column one_off_fen bigint not null default 0 check (one_off_fen >= 0);
alter table payroll_lines add column payee text not null default 'recipient' check (payee in ('recipient', 'insurer', 'institution'));
alter table payroll_lines add column method text not null default 'transfer' check (method in ('transfer', 'cash'));
alter table payroll_lines drop constraint payroll_lines_check;
alter table payroll_lines add constraint payroll_lines_net_check
  check (net_fen = regular_fen + arrears_fen + one_off_fen + reissue_fen - deduction_fen);

-- Lines are written only by the chunk statement, from entitlements, whose programme is a foreign key
-- already (as 0041 reasoned for the lines' payroll): the per-row check of every line cost a payroll run
-- about as much as writing the lines' two indexes.
alter table payroll_lines drop constraint payroll_lines_programme_fkey;

alter table payroll_totals add column one_off_fen bigint not null default 0;

alter table payroll_ledger drop constraint payroll_ledger_kind_check;
alter table payroll_ledger add constraint payroll_ledger_kind_check
  check (kind in ('regular', 'arrears', 'one_off', 'reissue', 'deduction', 'returned', 'established', 'deducted', 'repaid', 'assessed'));

-- One row per one-off entitlement paid: by which payroll and on which line (the line sums the one-offs
-- of its recipient). The primary key makes a second payment impossible.
create table payroll_entitlement_payments (
  county_code     text not null,
  entitlement_id  bigint not null,
  payroll_id      bigint not null,
  line_id         bigint not null,
  amount_fen      bigint not null check (amount_fen > 0),
  primary key (county_code, entitlement_id),
  foreign key (county_code, entitlement_id) references entitlements (county_code, id),
  foreign key (county_code, payroll_id, line_id) references payroll_lines (county_code, payroll_id, id)
);
-- discarding a draft deletes its payments, then its lines (each line's foreign-key check uses it too)
create index payroll_entitlement_payments_line_idx on payroll_entitlement_payments (county_code, payroll_id, line_id);
