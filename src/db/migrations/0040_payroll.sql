-- Monthly payroll and disbursement (发放). A payroll is one county's month: its lines (one per dibao
-- household or hardship person) are written per township, each township in its own transaction with a
-- chunk row; the payroll stays `running` until every chunk is there, so a killed run is visibly
-- incomplete and a rerun resumes it. Draft lines may be discarded; from approval on, every amount is an
-- append-only ledger entry (payments, deductions, returns, receivables, repayments, fines).

create sequence payroll_id_seq;

-- 'YYYY-MM' → months since year 0: arithmetic on periods (inlined by the planner).
create function payroll_month(p text) returns integer language sql immutable parallel safe
  as $$ select substr(p, 1, 4)::integer * 12 + substr(p, 6, 2)::integer - 1 $$;

create table payrolls (
  county_code   text not null references areas (code),
  id            bigint not null default nextval('payroll_id_seq'),
  payroll_no    text not null,
  period        text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status        text not null check (status in ('running', 'draft', 'approved', 'exported')),
  chunks_total  integer not null,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  completed_at  timestamptz,
  approved_by   text,
  approved_at   timestamptz,
  exported_by   text,
  exported_at   timestamptz,
  primary key (county_code, id),
  unique (county_code, period),
  unique (payroll_no)
);

-- One row per township written, in the same transaction as its lines and totals.
create table payroll_chunks (
  county_code    text not null,
  payroll_id     bigint not null,
  township_code  text not null,
  lines          integer not null,
  written_at     timestamptz not null default now(),
  primary key (county_code, payroll_id, township_code),
  foreign key (county_code, payroll_id) references payrolls (county_code, id)
);

create table payroll_lines (
  county_code    text not null,
  id             bigint not null default nextval('payroll_id_seq'),
  payroll_id     bigint not null,
  period         text not null,
  programme      text not null check (programme in ('dibao', 'hardship')),
  -- the household (dibao) or the person (hardship): one line per programme, period and recipient
  recipient_id   bigint not null,
  household_id   bigint not null,
  case_id        bigint not null,
  township_code  text not null,
  area_code      text not null,
  name           text not null,
  id_number      text not null,
  bank_name      text not null,
  bank_account   text not null,
  regular_fen    bigint not null check (regular_fen >= 0),
  arrears_fen    bigint not null check (arrears_fen >= 0),
  arrears_from   text,
  reissue_fen    bigint not null check (reissue_fen >= 0),
  -- the payroll_reissues paid by this line (marked paid when the payroll is approved)
  reissue_ids    bigint[],
  deduction_fen  bigint not null check (deduction_fen >= 0),
  net_fen        bigint not null check (net_fen >= 0),
  primary key (county_code, id),
  unique (county_code, programme, recipient_id, period),
  foreign key (county_code, payroll_id) references payrolls (county_code, id),
  check (net_fen = regular_fen + arrears_fen + reissue_fen - deduction_fen)
);
create index payroll_lines_payroll_idx on payroll_lines (county_code, payroll_id, id);
create index payroll_lines_household_idx on payroll_lines (county_code, household_id);

create table payroll_totals (
  county_code    text not null,
  payroll_id     bigint not null,
  township_code  text not null,
  programme      text not null,
  lines          integer not null,
  regular_fen    bigint not null,
  arrears_fen    bigint not null,
  reissue_fen    bigint not null,
  deduction_fen  bigint not null,
  net_fen        bigint not null,
  primary key (county_code, payroll_id, township_code, programme),
  foreign key (county_code, payroll_id) references payrolls (county_code, id)
);

-- Receivables (应收): fraud recoveries of the oversight module (obtained − already recovered) and
-- overpayments; deducted from later payments or repaid. The fine (1–3 ×) is recorded apart.
create table payroll_receivables (
  county_code        text not null,
  id                 bigint not null default nextval('payroll_id_seq'),
  household_id       bigint not null,
  source             text not null check (source in ('fraud', 'overpayment')),
  fraud_recovery_id  bigint,
  amount_fen         bigint not null check (amount_fen >= 0),
  fine_fen           bigint not null default 0 check (fine_fen >= 0),
  decided_on         date not null,
  reason             text not null,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, fraud_recovery_id),
  foreign key (county_code, household_id) references households (county_code, id)
);

-- The bank's answer per line (one per line), from imported result files.
create table payroll_returns (
  county_code  text not null,
  id           bigint not null default nextval('payroll_id_seq'),
  payroll_id   bigint not null,
  line_id      bigint not null,
  result       text not null check (result in ('paid', 'failed')),
  reason       text check (reason in ('closed_account', 'name_mismatch', 'other')),
  note         text not null default '',
  file_name    text not null,
  imported_by  text not null,
  imported_at  timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, line_id),
  foreign key (county_code, payroll_id) references payrolls (county_code, id),
  foreign key (county_code, line_id) references payroll_lines (county_code, id)
);

-- A failed payment to pay again in a later run; paid_payroll_id is set when that payroll is approved.
create table payroll_reissues (
  county_code      text not null,
  id               bigint not null default nextval('payroll_id_seq'),
  source_line_id   bigint not null,
  programme        text not null,
  recipient_id     bigint not null,
  household_id     bigint not null,
  township_code    text not null,
  amount_fen       bigint not null check (amount_fen > 0),
  paid_payroll_id  bigint,
  created_at       timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, source_line_id),
  foreign key (county_code, source_line_id) references payroll_lines (county_code, id)
);
create index payroll_reissues_pending_idx on payroll_reissues (county_code, township_code) where paid_payroll_id is null;

-- The ledger: every amount, signed, in one of three accounts. benefit: regular, arrears, reissue (+),
-- deduction and returned (−) — its movement in a period is what the fund paid. receivable: established
-- (+), deducted and repaid (−). fine: assessed (+).
create table payroll_ledger (
  county_code    text not null,
  id             bigint not null default nextval('payroll_id_seq'),
  household_id   bigint not null,
  programme      text,
  recipient_id   bigint,
  period         text not null,
  account        text not null check (account in ('benefit', 'receivable', 'fine')),
  kind           text not null check (kind in ('regular', 'arrears', 'reissue', 'deduction', 'returned', 'established', 'deducted', 'repaid', 'assessed')),
  amount_fen     bigint not null,
  payroll_id     bigint,
  line_id        bigint,
  receivable_id  bigint,
  note           text not null default '',
  created_by     text not null,
  created_at     timestamptz not null default now(),
  primary key (county_code, id)
);
create index payroll_ledger_household_idx on payroll_ledger (county_code, household_id, id);
create index payroll_ledger_period_idx on payroll_ledger (county_code, period, account);
-- A line is posted once per kind; a receivable is established once.
create unique index payroll_ledger_line_once on payroll_ledger (county_code, line_id, account, kind) where line_id is not null;
create unique index payroll_ledger_receivable_once on payroll_ledger (county_code, receivable_id, kind) where kind in ('established', 'assessed');

create function payroll_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger payroll_ledger_append_only before update or delete on payroll_ledger
  for each row execute function payroll_append_only();
create trigger payroll_receivables_append_only before update or delete on payroll_receivables
  for each row execute function payroll_append_only();
create trigger payroll_returns_append_only before update or delete on payroll_returns
  for each row execute function payroll_append_only();
