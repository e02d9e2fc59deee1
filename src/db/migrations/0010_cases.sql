-- Cases (案件): one workflow engine for every programme. A case moves through named states; each
-- transition is an append-only row (who, role, when, reason, structured data, attachments). Decisions
-- (approval with a frozen amount and its explanation, rejection, change, suspension, exit) are
-- append-only too. Every table is keyed by (county_code, id) with county_code in its foreign keys.

create sequence case_id_seq;
create sequence case_no_seq;

create table cases (
  county_code         text not null,
  id                  bigint not null default nextval('case_id_seq'),
  case_no             text not null,
  programme           text not null check (programme in ('dibao', 'hardship')),
  rule_set            text not null check (rule_set in ('cn-2012', 'cn-2021')),
  household_id        bigint not null,
  -- the village of the household when the case was opened: the area the case's scope follows
  area_code           text not null references areas (code),
  applicant_member_id bigint not null,
  applicant_name      text not null,
  applicant_id_number text not null,
  state               text not null,
  applied_on          date not null,
  state_since         date not null,
  due_date            date,
  due_parameter       text,
  final_due_date      date,
  notice_end          date,
  review_due          date,
  flags               text[] not null default '{}',
  version             integer not null default 0,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, case_no),
  foreign key (county_code, household_id) references households (county_code, id),
  check (county_code = left(area_code, 6)),
  check (substr(case_no, 3, 6) = county_code)
);
create index cases_area_idx on cases (area_code, state);
create index cases_household_idx on cases (county_code, household_id);
create index cases_due_idx on cases (county_code, due_date);

create table case_transitions (
  county_code  text not null,
  id           bigint not null default nextval('case_id_seq'),
  case_id      bigint not null,
  seq          integer not null,
  action       text not null,
  from_state   text,
  to_state     text not null,
  on_date      date not null,
  at           timestamptz not null default now(),
  actor_id     bigint,
  actor_name   text not null,
  actor_role   text not null,
  reason       text,
  data         jsonb not null default '{}',
  attachments  jsonb not null default '[]',
  due_date     date,
  primary key (county_code, id),
  unique (county_code, case_id, seq),
  foreign key (county_code, case_id) references cases (county_code, id)
);

create table case_decisions (
  county_code     text not null,
  id              bigint not null default nextval('case_id_seq'),
  case_id         bigint not null,
  transition_id   bigint not null,
  kind            text not null check (kind in ('approve', 'reject', 'review', 'change', 'suspend', 'resume', 'gradual_exit', 'exit')),
  decided_on      date not null,
  -- YYYY-MM: the first month the decision applies to (payment from the month after approval)
  effective_month text,
  end_month       text,
  amount_fen      bigint check (amount_fen >= 0),
  explanation     jsonb,
  reason          text,
  notify_by       date,
  created_at      timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id),
  foreign key (county_code, transition_id) references case_transitions (county_code, id)
);
create index case_decisions_case_idx on case_decisions (county_code, case_id, id);

-- Transitions and decisions are the record of what was done and decided: never changed.
create function cases_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger case_transitions_append_only before update or delete on case_transitions
  for each row execute function cases_append_only();
create trigger case_decisions_append_only before update or delete on case_decisions
  for each row execute function cases_append_only();

-- County batches for county review (县级审核批次) and their reproducible spot-check sample.
create table case_batches (
  county_code  text not null references areas (code),
  id           bigint not null default nextval('case_id_seq'),
  batch_no     text not null,
  programme    text not null check (programme in ('dibao', 'hardship')),
  created_on   date not null,
  created_by   text not null,
  ratio        numeric,
  seed         text,
  sampled_on   date,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, batch_no)
);

create table case_batch_members (
  county_code  text not null,
  batch_id     bigint not null,
  case_id      bigint not null,
  flagged      boolean not null default false,
  sampled      boolean not null default false,
  primary key (county_code, batch_id, case_id),
  unique (county_code, case_id),
  foreign key (county_code, batch_id) references case_batches (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id)
);

-- Nursing homes (敬老院) for institutional hardship support: the minimum the case needs.
create table institutions (
  county_code  text not null,
  id           bigint not null default nextval('case_id_seq'),
  name         text not null,
  kind         text not null default 'nursing_home' check (kind in ('nursing_home')),
  beds         integer not null check (beds >= 0),
  demo         boolean not null default false,
  primary key (county_code, id),
  unique (county_code, name)
);

-- Demo rows for 黔南州 (two per county and for the functional zone), marked demo.
insert into institutions (county_code, name, beds, demo)
select c.code, c.name || s.suffix, s.beds, true
from (values ('522701', '都匀市'), ('522702', '福泉市'), ('522722', '荔波县'), ('522723', '贵定县'),
             ('522725', '瓮安县'), ('522726', '独山县'), ('522727', '平塘县'), ('522728', '罗甸县'),
             ('522729', '长顺县'), ('522730', '龙里县'), ('522731', '惠水县'), ('522732', '三都水族自治县'),
             ('522790', '都匀经济开发区')) as c (code, name)
cross join (values ('中心敬老院', 120), ('社会福利院', 60)) as s (suffix, beds);
