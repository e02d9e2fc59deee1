-- 受灾人员救助 (src/modules/disaster), step 1: disaster events (灾害事件) recorded by a county, the
-- townships and villages they hit, and the 灾情 reports of those areas with the figures of the national
-- 自然灾害情况统计. A report is never changed: a correction is a new version of the same area and date.

create table disaster_events (
  -- the county that records the event (it owns it; prefecture-wide events are recorded by each county)
  county_code     text not null references areas (code),
  id              bigserial,
  event_no        text not null unique check (event_no ~ '^SJ\d{16}$'),
  kind            text not null check (kind in ('flood', 'landslide', 'hail', 'drought', 'freeze', 'earthquake', 'fire', 'storm', 'other')),
  name            text not null check (length(name) between 1 and 100),
  started_on      date not null,
  ended_on        date,
  -- 应急响应等级 (Ⅰ highest … Ⅳ); null when no response was started
  response_level  text check (response_level in ('I', 'II', 'III', 'IV')),
  note            text not null default '',
  created_by      text not null,
  created_at      timestamptz not null default now(),
  primary key (county_code, id),
  check (ended_on is null or ended_on >= started_on),
  check (length(county_code) = 6)
);
create index disaster_events_started_idx on disaster_events (county_code, started_on);

-- The townships and villages of the recording county the event hit (fixed when it is recorded).
create table disaster_event_areas (
  county_code  text not null,
  event_id     bigint not null,
  area_code    text not null references areas (code),
  primary key (county_code, event_id, area_code),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  check (length(area_code) in (9, 12) and left(area_code, 6) = county_code)
);
create index disaster_event_areas_area_idx on disaster_event_areas (area_code);

-- 灾情报告: one row per version. Crop areas are hundredths of a hectare (0.01 公顷) as integers, the
-- loss is in fen, so every figure is an exact non-negative integer.
create table disaster_reports (
  county_code               text not null,
  id                        bigserial,
  event_id                  bigint not null,
  area_code                 text not null references areas (code),
  as_of                     date not null,
  version                   integer not null check (version >= 1),
  affected_persons          integer not null check (affected_persons >= 0),
  relocated_persons         integer not null check (relocated_persons >= 0),
  deaths                    integer not null check (deaths >= 0),
  missing                   integer not null check (missing >= 0),
  houses_collapsed          integer not null check (houses_collapsed >= 0),
  houses_seriously_damaged  integer not null check (houses_seriously_damaged >= 0),
  houses_generally_damaged  integer not null check (houses_generally_damaged >= 0),
  crop_affected_ha100       bigint not null check (crop_affected_ha100 >= 0),
  crop_failed_ha100         bigint not null check (crop_failed_ha100 >= 0 and crop_failed_ha100 <= crop_affected_ha100),
  direct_loss_fen           bigint not null check (direct_loss_fen >= 0),
  reported_by               text not null,
  reported_at               timestamptz not null default now(),
  note                      text not null default '',
  primary key (county_code, id),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  unique (event_id, area_code, as_of, version),
  check (length(area_code) in (9, 12) and left(area_code, 6) = county_code)
);
create index disaster_reports_event_idx on disaster_reports (county_code, event_id, area_code, as_of, version);

-- Reports and an event's areas are the record of what was reported: never changed.
create function disaster_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger disaster_reports_append_only before update or delete on disaster_reports
  for each row execute function disaster_append_only();
create trigger disaster_event_areas_append_only before update or delete on disaster_event_areas
  for each row execute function disaster_append_only();
