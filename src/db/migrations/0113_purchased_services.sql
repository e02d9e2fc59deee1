-- 政府购买服务 (issue 19, must-have 4): the county's contracts with social-work organisations for case work
-- (事务性 / 服务性), the tasks assigned under them (home visits, care for 特困 分散供养, 留守 visits, case
-- work) with their performance records, the yearly evaluation of a contract, and the register of village
-- 社会救助协理员 (funded by a contract or by the village, optionally with their user account). Every row is
-- its county's (county_code first, as elsewhere). Money in fen.

create table purchase_contracts (
  county_code          text not null references areas (code),
  id                   bigserial,
  -- GM + county + year + 6 digits (kernel serials)
  contract_no          text not null unique check (contract_no ~ '^GM\d{16}$'),
  -- the provider: a social organisation of the county (volunteers register)
  provider_id          bigint not null,
  kind                 text not null check (kind in ('administrative', 'service')),
  title                text not null check (length(title) between 2 and 200),
  period_from          date not null,
  period_to            date not null,
  amount_fen           bigint not null check (amount_fen > 0),
  signed_on            date not null,
  status               text not null default 'active' check (status in ('active', 'ended', 'terminated')),
  -- the day it ended or was terminated, and why (a termination always says why)
  closed_on            date,
  close_reason         text check (length(close_reason) between 1 and 500),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, provider_id) references social_organisations (county_code, id),
  check (length(county_code) = 6),
  check (period_to >= period_from),
  check ((status = 'active') = (closed_on is null)),
  check (status <> 'terminated' or close_reason is not null),
  check (closed_on is null or closed_on >= signed_on)
);

create table assistance_assistants (
  county_code          text not null references areas (code),
  id                   bigserial,
  name                 text not null check (length(name) between 1 and 50),
  id_number            text not null check (id_number ~ '^\d{17}[\dX]$'),
  phone                text check (phone ~ '^[0-9-]{7,20}$'),
  village_code         text not null references areas (code),
  employed_from        date not null,
  employed_to          date,
  funding              text not null check (funding in ('contract', 'village')),
  contract_id          bigint,
  -- the assistant's own account (role village_clerk of the same village), when they have one
  user_id              bigint references users (id),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, contract_id) references purchase_contracts (county_code, id),
  check (length(village_code) = 12 and substr(village_code, 1, 6) = county_code),
  check ((funding = 'contract') = (contract_id is not null)),
  check (employed_to is null or employed_to >= employed_from)
);
create unique index assistance_assistants_id_number_key on assistance_assistants (county_code, id_number);
create index assistance_assistants_village_idx on assistance_assistants (village_code);

create table purchase_tasks (
  county_code          text not null,
  id                   bigserial,
  contract_id          bigint not null,
  kind                 text not null check (kind in ('home_visit', 'dispersed_care', 'left_behind_visit', 'case_work', 'other')),
  village_code         text not null references areas (code),
  -- the target, when there is one: a household of the registry or a 留守 person (<county>-<member id>)
  target_household_no  text check (target_household_no ~ '^\d{14}$'),
  target_person_id     text check (target_person_id ~ '^\d{6}-\d+$'),
  description          text check (length(description) between 1 and 500),
  assigned_on          date not null,
  due_on               date not null,
  -- the provider's worker by name and/or a 社会救助协理员
  worker_name          text check (length(worker_name) between 1 and 50),
  assistant_id         bigint,
  status               text not null default 'assigned' check (status in ('assigned', 'done', 'cancelled')),
  -- the performance record
  done_on              date,
  minutes              integer check (minutes between 1 and 1440),
  findings             text check (length(findings) between 1 and 1000),
  performed_by         text,
  performed_by_user_id bigint references users (id),
  -- confirmed by a staff user other than the one who recorded the performance
  confirmed_on         date,
  confirmed_by         text,
  confirmed_by_user_id bigint references users (id),
  cancelled_on         date,
  cancel_reason        text check (length(cancel_reason) between 1 and 500),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, contract_id) references purchase_contracts (county_code, id),
  foreign key (county_code, assistant_id) references assistance_assistants (county_code, id),
  check (length(village_code) = 12 and substr(village_code, 1, 6) = county_code),
  check (worker_name is not null or assistant_id is not null),
  check (due_on >= assigned_on),
  check ((status = 'done') = (done_on is not null)),
  check (done_on is null or (done_on >= assigned_on and minutes is not null and findings is not null and performed_by is not null)),
  check ((status = 'cancelled') = (cancelled_on is not null and cancel_reason is not null)),
  check ((confirmed_on is null) = (confirmed_by is null)),
  check (confirmed_on is null or (status = 'done' and confirmed_on >= done_on)),
  check (confirmed_by_user_id is null or performed_by_user_id is null or confirmed_by_user_id <> performed_by_user_id)
);
create index purchase_tasks_contract_idx on purchase_tasks (county_code, contract_id);
create index purchase_tasks_village_idx on purchase_tasks (village_code, status, due_on);

create table purchase_evaluations (
  county_code          text not null,
  id                   bigserial,
  contract_id          bigint not null,
  year                 integer not null check (year between 2000 and 2100),
  score                integer not null check (score between 0 and 100),
  rating               text not null check (rating in ('excellent', 'pass', 'fail')),
  evaluated_on         date not null,
  remarks              text check (length(remarks) between 1 and 1000),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, contract_id) references purchase_contracts (county_code, id),
  unique (county_code, contract_id, year)
);
