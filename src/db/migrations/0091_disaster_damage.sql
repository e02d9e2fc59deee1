-- 受灾人员救助, step 2: the damage register (受灾户登记) and in-kind relief (救灾物资发放).
-- A township registers each affected household of an event — a household of the registry, or one added on
-- the spot (registered in the registry by the same request, `added_on_spot`) — with its persons, house
-- damage and needs; two staff other than each other verify it (入户核查, 两人以上). Goods issued to a
-- household (quilts, rice, tents…) are recorded with their quantities; a record is never changed.

create table disaster_damage_entries (
  county_code          text not null,
  id                   bigserial,
  event_id             bigint not null,
  household_id         bigint not null,
  -- the household's village when registered: scope and figures follow it
  area_code            text not null references areas (code),
  persons_affected     integer not null check (persons_affected >= 0),
  -- persons whose home cannot be lived in (过渡期生活救助)
  persons_homeless     integer not null default 0 check (persons_homeless >= 0 and persons_homeless <= persons_affected),
  deaths               integer not null default 0 check (deaths >= 0),
  missing              integer not null default 0 check (missing >= 0),
  injured              integer not null default 0 check (injured >= 0),
  -- 倒塌 / 严重损坏 / 一般损坏 / 未损
  house_grade          text not null check (house_grade in ('collapsed', 'serious', 'general', 'none')),
  -- 钢混 / 砖混 / 砖木 / 土木 / 其他 (the insurance's sum insured is by structure)
  house_structure      text not null check (house_structure in ('reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other')),
  rooms_damaged        integer not null default 0 check (rooms_damaged >= 0),
  direct_loss_fen      bigint not null default 0 check (direct_loss_fen >= 0),
  -- ordinary, dibao, hardship_dispersed …: as at registration (the housing subsidy's priority groups)
  household_type       text not null default 'ordinary' check (household_type ~ '^[a-z_]+$'),
  added_on_spot        boolean not null default false,
  status               text not null default 'recorded' check (status in ('recorded', 'verified', 'void')),
  recorded_on          date not null,
  recorded_by          text not null,
  first_verified_by    text,
  first_verified_on    date,
  second_verified_by   text,
  second_verified_on   date,
  void_reason          text,
  note                 text not null default '',
  version              integer not null default 0,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (length(area_code) = 12 and left(area_code, 6) = county_code),
  check (second_verified_by is null or (first_verified_by is not null and second_verified_by <> first_verified_by)),
  check (status <> 'verified' or second_verified_by is not null),
  check (status <> 'void' or void_reason is not null)
);
-- one live entry per household and event (a void one may be registered again)
create unique index disaster_damage_entries_household_idx on disaster_damage_entries (county_code, event_id, household_id) where status <> 'void';
create index disaster_damage_entries_area_idx on disaster_damage_entries (county_code, event_id, area_code);

-- 救灾物资发放: goods issued to a household of an event. Append-only.
create table disaster_goods_issues (
  county_code    text not null,
  id             bigserial,
  event_id       bigint not null,
  household_id   bigint not null,
  area_code      text not null references areas (code),
  -- 棉被 quilt, 衣物 clothing, 大米 rice, 食用油 cooking_oil, 饮用水 water, 帐篷 tent, 折叠床 folding_bed, 其他 other
  item           text not null check (item in ('quilt', 'clothing', 'rice', 'cooking_oil', 'water', 'tent', 'folding_bed', 'other')),
  -- the item's own unit (条, 件, 公斤, 升, 箱, 顶, 张, 件): see the module's codes
  quantity       integer not null check (quantity > 0),
  issued_on      date not null,
  issued_by      text not null,
  note           text not null default '',
  created_at     timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (length(area_code) = 12 and left(area_code, 6) = county_code),
  check (item <> 'other' or note <> '')
);
create index disaster_goods_issues_event_idx on disaster_goods_issues (county_code, event_id, area_code);
create trigger disaster_goods_issues_append_only before update or delete on disaster_goods_issues
  for each row execute function disaster_append_only();
