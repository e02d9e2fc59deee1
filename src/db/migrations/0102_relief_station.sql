-- 救助管理站 (relief stations): records of 流浪乞讨人员 (street persons) met in street outreach, walking in,
-- brought by the police or referred by another department. A record is the station's (an institution of the
-- county, table `institutions`): screening (甄别: identity, health, minor, mental illness, infectious
-- disease), the decision (自愿受助 accepted, 不愿受助 refused, sent to hospital, a minor to the protection
-- centre), the stay (entry, services, long-stay approval), 寻亲 steps, and the exit: 返乡 (ticket, escort,
-- handover), family pickup, referral to an institution (托养), leaving voluntarily, death.
-- PIPL minimum data: a refusal keeps only the date, place, sex, approximate age and the refusal itself.
-- The station's kind is not checked here: the institution register (0100) owns `institutions.kind`.

create table relief_station_records (
  county_code          text not null references areas (code),
  id                   bigserial,
  record_no            text not null unique check (record_no ~ '^LQ\d{16}$'),
  institution_id       bigint not null,
  source               text not null check (source in ('street_outreach', 'walk_in', 'police', 'referral')),
  met_on               date not null,
  place                text not null check (length(place) between 1 and 200),
  sex                  text not null check (sex in ('male', 'female')),
  approx_age           integer check (approx_age between 0 and 120),
  birth_date           date,
  -- null: unknown (无名氏, then `description` says who it is) or refused
  name                 text check (length(name) between 1 and 50),
  description          text check (length(description) between 1 and 500),
  id_number            text check (id_number ~ '^\d{17}[\dX]$'),
  hukou_place          text check (length(hukou_place) between 1 and 200),
  identity_status      text check (identity_status in ('verified', 'claimed', 'unknown')),
  health               text check (health in ('healthy', 'ill', 'injured')),
  mental_illness       text check (mental_illness in ('none', 'suspected', 'diagnosed')),
  infectious_disease   boolean,
  -- under 18 at met_on (from the birth date or the approximate age), or flagged by the screener
  minor                boolean not null,
  decision             text not null check (decision in ('accepted', 'refused', 'sent_to_hospital', 'minor_to_protection_centre')),
  decided_on           date not null,
  status               text not null check (status in ('refused', 'screened', 'in_station', 'exited')),
  entered_on           date,
  -- a stay beyond relief_station.stay_days: approved extension or referral under way, with its reason
  long_stay_kind       text check (long_stay_kind in ('approval', 'referral_pending')),
  long_stay_reason     text check (length(long_stay_reason) between 2 and 500),
  long_stay_on         date,
  exited_on            date,
  exit_kind            text check (exit_kind in ('returned_home', 'family_pickup', 'referred', 'left_voluntarily', 'died')),
  -- who took the person over: family member, receiving institution, local civil-affairs office
  exit_receiver        text check (length(exit_receiver) between 1 and 100),
  exit_note            text check (length(exit_note) <= 500),
  referred_county_code text,
  referred_institution_id bigint,
  recorded_by          text not null,
  version              integer not null default 0,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, institution_id) references institutions (county_code, id),
  foreign key (referred_county_code, referred_institution_id) references institutions (county_code, id),
  check (length(county_code) = 6 and substr(record_no, 3, 6) = county_code),
  check (decided_on >= met_on),
  check (birth_date is not null or approx_age is not null),
  -- PIPL minimum data: a refusal keeps the date, place, sex, approximate age and the refusal, nothing else
  check (decision <> 'refused' or (status = 'refused' and name is null and description is null and id_number is null and birth_date is null
    and hukou_place is null and identity_status is null and health is null and mental_illness is null and infectious_disease is null
    and approx_age is not null and entered_on is null and exited_on is null)),
  check (decision = 'refused' or (status <> 'refused' and identity_status is not null and health is not null and mental_illness is not null
    and infectious_disease is not null and (name is not null or description is not null))),
  check (status <> 'in_station' or (entered_on is not null and exited_on is null)),
  check (status <> 'exited' or (exited_on is not null and exit_kind is not null and (exit_receiver is not null or exit_kind in ('left_voluntarily', 'died')))),
  check ((status = 'exited') = (exited_on is not null)),
  check (entered_on is null or entered_on >= decided_on),
  check (exited_on is null or exited_on >= coalesce(entered_on, decided_on)),
  check (exit_kind <> 'referred' or referred_institution_id is not null),
  -- a minor never leaves on their own
  check (not minor or exit_kind is distinct from 'left_voluntarily'),
  check ((long_stay_kind is null) = (long_stay_reason is null) and (long_stay_kind is null) = (long_stay_on is null))
);
create index relief_station_records_status_idx on relief_station_records (county_code, status, entered_on);
create index relief_station_records_met_idx on relief_station_records (county_code, met_on);

-- services given during the stay (food, lodging, medical care, clothing), one row per service and day
create table relief_station_services (
  county_code  text not null,
  id           bigserial,
  record_id    bigint not null,
  service      text not null check (service in ('food', 'lodging', 'medical', 'clothing')),
  provided_on  date not null,
  note         text not null default '' check (length(note) <= 200),
  recorded_by  text not null,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, record_id) references relief_station_records (county_code, id)
);
create index relief_station_services_record_idx on relief_station_services (county_code, record_id);

-- 寻亲: the steps taken to find the person's family and identity
create table relief_station_family_searches (
  county_code  text not null,
  id           bigserial,
  record_id    bigint not null,
  method       text not null check (method in ('fingerprint', 'dna', 'photo_publication', 'police_check', 'family_contact')),
  searched_on  date not null,
  result       text not null check (length(result) between 2 and 500),
  found        boolean not null,
  recorded_by  text not null,
  created_at   timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, record_id) references relief_station_records (county_code, id)
);
create index relief_station_family_searches_record_idx on relief_station_family_searches (county_code, record_id);

-- 返乡: the journey home of a record that exited as returned_home (one per record)
create table relief_station_returns (
  county_code     text not null,
  record_id       bigint not null,
  destination     text not null check (length(destination) between 2 and 200),
  transport       text not null check (transport in ('train', 'bus', 'plane', 'ship', 'car', 'other')),
  ticket_fen      bigint not null check (ticket_fen >= 0),
  escort          boolean not null,
  escort_names    text[] not null default '{}',
  handed_over_to  text not null check (handed_over_to in ('family', 'local_civil_affairs')),
  receiver        text not null check (length(receiver) between 1 and 100),
  returned_on     date not null,
  recorded_by     text not null,
  created_at      timestamptz not null default now(),
  primary key (county_code, record_id),
  foreign key (county_code, record_id) references relief_station_records (county_code, id),
  check (escort = (cardinality(escort_names) > 0))
);
