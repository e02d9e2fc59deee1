-- 社会力量参与 (issue 19, must-have 1): social organisations (慈善组织, 志愿服务组织, 社会工作服务机构, other)
-- of a county, their volunteer teams (志愿服务队伍) in a township or village, registered volunteers (person,
-- skills, area), team membership, and service records (志愿服务记录: who, when, what, where, how long,
-- confirmed by the organiser). Every row is its county's (county_code first, as elsewhere).
-- Hours are kept as whole minutes. A record counts towards the figures only once confirmed; the volunteer
-- never confirms their own record (checked by the service against the account and the ID number/name).

create table social_organisations (
  county_code          text not null references areas (code),
  id                   bigserial,
  kind                 text not null check (kind in ('charity', 'volunteer_org', 'social_work', 'other')),
  name                 text not null check (length(name) between 2 and 100),
  -- 统一社会信用代码 (GB 32100), when the organisation is registered
  credit_code          text check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  -- 慈善组织认定 (Charity Law art. 10): only a charity carries it
  charity_recognised_on date,
  contact_person       text check (length(contact_person) between 1 and 50),
  contact_phone        text check (contact_phone ~ '^[0-9-]{7,20}$'),
  status               text not null default 'active' check (status in ('active', 'dissolved')),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  check (length(county_code) = 6),
  check (charity_recognised_on is null or kind = 'charity')
);
create unique index social_organisations_credit_code_key on social_organisations (credit_code) where credit_code is not null;
create unique index social_organisations_name_key on social_organisations (county_code, name);

create table volunteer_teams (
  county_code          text not null,
  id                   bigserial,
  organisation_id      bigint not null,
  name                 text not null check (length(name) between 2 and 100),
  -- the township or village the team serves
  area_code            text not null references areas (code),
  leader               text not null check (length(leader) between 1 and 50),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, organisation_id) references social_organisations (county_code, id),
  check (length(area_code) in (9, 12) and substr(area_code, 1, 6) = county_code)
);
create unique index volunteer_teams_name_key on volunteer_teams (county_code, organisation_id, name);

create table volunteers (
  county_code          text not null references areas (code),
  id                   bigserial,
  name                 text not null check (length(name) between 1 and 50),
  id_number            text not null check (id_number ~ '^\d{17}[\dX]$'),
  phone                text check (phone ~ '^[0-9-]{7,20}$'),
  area_code            text not null references areas (code),
  skills               text[] not null default '{}'
                       check (skills <@ array['medical', 'education', 'care_elderly', 'psychological', 'legal', 'other']::text[]),
  registered_on        date not null,
  -- the volunteer's own account, when they have one (then they may not confirm their own hours)
  user_id              bigint references users (id),
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  check (length(area_code) in (9, 12) and substr(area_code, 1, 6) = county_code)
);
create unique index volunteers_id_number_key on volunteers (county_code, id_number);

create table volunteer_team_members (
  county_code          text not null,
  team_id              bigint not null,
  volunteer_id         bigint not null,
  joined_on            date not null,
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, team_id, volunteer_id),
  foreign key (county_code, team_id) references volunteer_teams (county_code, id),
  foreign key (county_code, volunteer_id) references volunteers (county_code, id)
);

create table volunteer_service_records (
  county_code          text not null,
  id                   bigserial,
  -- the organiser: a team (its organisation implied) or an organisation itself
  team_id              bigint,
  organisation_id      bigint not null,
  volunteer_id         bigint not null,
  activity             text not null check (length(activity) between 2 and 200),
  served_on            date not null,
  area_code            text not null references areas (code),
  -- whole minutes of service on the day
  minutes              integer not null check (minutes between 1 and 1440),
  -- confirmation (the organiser's): a staff user or the organiser's named person
  confirmed_by_user_id bigint references users (id),
  confirmed_by_name    text check (length(confirmed_by_name) between 1 and 50),
  confirmed_by_id_number text check (confirmed_by_id_number ~ '^\d{17}[\dX]$'),
  confirmed_on         date,
  recorded_by          text not null,
  created_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, team_id) references volunteer_teams (county_code, id),
  foreign key (county_code, organisation_id) references social_organisations (county_code, id),
  foreign key (county_code, volunteer_id) references volunteers (county_code, id),
  check (substr(area_code, 1, 6) = county_code),
  check ((confirmed_on is null) = (confirmed_by_name is null)),
  check (confirmed_by_user_id is null or confirmed_on is not null),
  check (confirmed_on is null or confirmed_on >= served_on)
);
create index volunteer_service_records_served_idx on volunteer_service_records (county_code, served_on);
create index volunteer_service_records_volunteer_idx on volunteer_service_records (county_code, volunteer_id);
