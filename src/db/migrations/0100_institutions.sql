-- 供养服务机构 (institutions) become a register of their own (module institutions): every kind the
-- civil-affairs bureau runs, its address and township, 统一社会信用代码 (GB 32100; the check character is
-- checked by the application, the shape here), 事业单位法人登记, 编制 posts and staff by kind, beds by
-- self-care level, opening and closing; a star rating per year with its assessment record; construction
-- projects with their funding source. The 特困 case keeps naming an institution by (county_code, id).

alter table institutions drop constraint institutions_kind_check;
alter table institutions
  add constraint institutions_kind_check check (kind in ('nursing_home', 'welfare_home', 'children_welfare_home', 'honour_home',
    'relief_station', 'minor_protection_centre', 'mental_health_welfare')),
  add column address                    text not null default '' check (length(address) <= 200),
  -- the township (9 digits) or village (12 digits) of the county where the institution stands
  add column area_code                  text references areas (code),
  add column credit_code                text check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  add column legal_person_status        text not null default 'not_registered' check (legal_person_status in ('registered', 'not_registered')),
  add column legal_person_registered_on date,
  add column posts                      integer not null default 0 check (posts >= 0),
  add column staff_management           integer not null default 0 check (staff_management >= 0),
  add column staff_care                 integer not null default 0 check (staff_care >= 0),
  add column staff_medical              integer not null default 0 check (staff_medical >= 0),
  add column care_beds                  integer not null default 0 check (care_beds >= 0),
  add column beds_self_care             integer not null default 0 check (beds_self_care >= 0),
  add column beds_partial               integer not null default 0 check (beds_partial >= 0),
  add column beds_full                  integer not null default 0 check (beds_full >= 0),
  add column opened_on                  date,
  add column status                     text not null default 'open' check (status in ('open', 'closed')),
  add column closed_on                  date,
  add column version                    integer not null default 1 check (version >= 1),
  add column created_at                 timestamptz not null default now(),
  add column updated_at                 timestamptz not null default now(),
  add constraint institutions_area_check check (area_code is null or (length(area_code) in (9, 12) and left(area_code, 6) = county_code)),
  add constraint institutions_legal_person_check check ((legal_person_status = 'registered') = (legal_person_registered_on is not null)),
  add constraint institutions_care_beds_within_check check (care_beds <= beds),
  add constraint institutions_beds_by_level_check check (beds_self_care + beds_partial + beds_full <= beds),
  add constraint institutions_closed_check check ((status = 'closed') = (closed_on is not null));

-- A code names one legal person: unique where present, across counties.
create unique index institutions_credit_code_idx on institutions (credit_code) where credit_code is not null;

-- The demo rows: each county's 社会福利院 is a welfare home, not a nursing home.
update institutions set kind = 'welfare_home' where demo and name like '%社会福利院';
-- and each county of 黔南州 that has demo rows has its 救助管理站 (relief station), marked demo as well.
insert into institutions (county_code, name, kind, beds, demo)
select county_code, replace(name, '中心敬老院', '救助管理站'), 'relief_station', 40, true
from institutions where demo and name like '%中心敬老院' and county_code <> '522790';

-- 星级评定: one rating per institution and year, with the assessment that gave it.
create table institution_ratings (
  county_code     text not null,
  institution_id  bigint not null,
  year            integer not null check (year between 2000 and 2100),
  stars           integer not null check (stars between 1 and 5),
  assessed_on     date not null,
  assessor        text not null check (length(assessor) between 1 and 100),
  -- the assessment's score out of 100 (in hundredths: 8650 = 86.50), when it gave one
  score_centi     integer check (score_centi between 0 and 10000),
  note            text not null default '' check (length(note) <= 1000),
  created_by      text not null,
  created_at      timestamptz not null default now(),
  primary key (county_code, institution_id, year),
  foreign key (county_code, institution_id) references institutions (county_code, id)
);

-- 建设项目: new building or upgrade of an institution, with its funding source and amount.
create table institution_projects (
  county_code     text not null,
  id              bigserial,
  institution_id  bigint not null,
  name            text not null check (length(name) between 1 and 100),
  funding_source  text not null check (funding_source in ('central_lottery', 'provincial', 'local')),
  amount_fen      bigint not null check (amount_fen >= 0),
  status          text not null check (status in ('planned', 'building', 'completed')),
  year            integer not null check (year between 2000 and 2100),
  started_on      date,
  completed_on    date,
  version         integer not null default 1 check (version >= 1),
  created_by      text not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, institution_id) references institutions (county_code, id),
  check ((status = 'completed') = (completed_on is not null)),
  check (status = 'planned' or started_on is not null),
  check (completed_on is null or started_on is null or completed_on >= started_on)
);
create index institution_projects_institution_idx on institution_projects (county_code, institution_id);
