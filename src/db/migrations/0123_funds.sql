-- Funds and the 减量 plan (issue 20, must-haves 3 and 5): a county's multi-year reduction plan per programme
-- as the province/prefecture sets it (yearly targets in persons to reduce), its yearly budget per programme
-- and source (central, provincial, prefecture, county; with an optional earmark such as 中央彩票公益金) and
-- the transfers it received. Spending is what the payroll paid (its ledger); nothing of it is copied here.
-- Money in fen. Every row is its county's (county_code first, as elsewhere).

create table reduction_plans (
  county_code  text not null references areas (code),
  id           bigserial,
  programme    text not null references programmes (code),
  -- the document that set the plan (e.g. 黔府办发〔2015〕12号)
  document     text not null check (length(document) between 2 and 200),
  start_year   int not null check (start_year between 2000 and 2100),
  recorded_by  text not null,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  check (length(county_code) = 6)
);

-- One target per plan year: the persons to reduce in that year (0 allowed: a year without reduction).
create table reduction_plan_targets (
  county_code  text not null,
  plan_id      bigint not null,
  year         int not null,
  persons      int not null check (persons >= 0),
  primary key (county_code, plan_id, year),
  foreign key (county_code, plan_id) references reduction_plans (county_code, id)
);

create table fund_budgets (
  county_code  text not null references areas (code),
  id           bigserial,
  year         int not null check (year between 2000 and 2100),
  programme    text not null references programmes (code),
  source       text not null check (source in ('central', 'provincial', 'prefecture', 'county')),
  -- a named fund within the source (中央彩票公益金); '' when none, so the key below is plain
  earmark      text not null default '' check (length(earmark) <= 50),
  amount_fen   bigint not null check (amount_fen > 0),
  document     text not null check (length(document) between 2 and 200),
  recorded_by  text not null,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  check (length(county_code) = 6)
);
create unique index fund_budgets_key on fund_budgets (county_code, year, programme, source, earmark);

create table fund_transfers (
  county_code  text not null references areas (code),
  id           bigserial,
  received_on  date not null,
  programme    text not null references programmes (code),
  source       text not null check (source in ('central', 'provincial', 'prefecture', 'county')),
  earmark      text not null default '' check (length(earmark) <= 50),
  amount_fen   bigint not null check (amount_fen > 0),
  document     text not null check (length(document) between 2 and 200),
  recorded_by  text not null,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  check (length(county_code) = 6)
);
create index fund_transfers_received on fund_transfers (county_code, received_on);
