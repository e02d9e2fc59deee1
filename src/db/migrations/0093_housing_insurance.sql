-- 政策性农房保险 (policy rural housing insurance). Each year a county takes out one policy with an insurer
-- (premium per house, the government's share of it, the perils covered, the sum insured per house by
-- structure, the coverage dates); the insured households are all rural-hukou households of the county
-- (统保, filled from the registry) or the list the insurer accepted (imported). A claim links a disaster
-- event, the household's entry in the damage register and the insured house; it is reported, assessed
-- (grade and loss, the payable amount from the policy and the grade ratio), then paid by the insurer or
-- refused. One live claim per policy, household and event: no house is paid twice for one event.

create table housing_insurance_policies (
  county_code        text not null references areas (code),
  id                 bigserial,
  year               integer not null check (year between 2000 and 2100),
  policy_no          text not null check (length(policy_no) between 1 and 60),
  insurer            text not null check (length(insurer) between 1 and 100),
  premium_fen        bigint not null check (premium_fen > 0),
  -- the government's share of the premium, per mille (1000 = the whole premium)
  government_permille integer not null check (government_permille between 0 and 1000),
  -- disaster kinds of the disaster module's codes
  perils             text[] not null check (cardinality(perils) >= 1),
  coverage_from      date not null,
  coverage_to        date not null,
  created_by         text not null,
  created_on         date not null,
  note               text not null default '',
  created_at         timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, year),
  unique (county_code, policy_no),
  check (length(county_code) = 6),
  check (coverage_to >= coverage_from),
  check (perils <@ array['flood', 'landslide', 'hail', 'drought', 'freeze', 'earthquake', 'fire', 'storm', 'other']::text[])
);

-- the sum insured per house, by structure: every structure of the damage register, once
create table housing_insurance_sums (
  county_code  text not null,
  policy_id    bigint not null,
  structure    text not null check (structure in ('reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other')),
  sum_fen      bigint not null check (sum_fen > 0),
  primary key (county_code, policy_id, structure),
  foreign key (county_code, policy_id) references housing_insurance_policies (county_code, id)
);

create table housing_insurance_insured (
  county_code   text not null,
  policy_id     bigint not null,
  household_id  bigint not null,
  -- the household's village when insured: scope and figures follow it
  area_code     text not null references areas (code),
  -- null: all rural houses insured, the structure is the damage register's at the claim
  structure     text check (structure in ('reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other')),
  -- registry (统保 from the registry) or insurer (the insurer's accepted list)
  source        text not null check (source in ('registry', 'insurer')),
  added_on      date not null,
  primary key (county_code, policy_id, household_id),
  foreign key (county_code, policy_id) references housing_insurance_policies (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (length(area_code) = 12 and left(area_code, 6) = county_code)
);
create index housing_insurance_insured_area_idx on housing_insurance_insured (county_code, policy_id, area_code);

create table housing_insurance_claims (
  county_code     text not null,
  id              bigserial,
  claim_no        text not null unique check (claim_no ~ '^BX\d{16}$'),
  policy_id       bigint not null,
  event_id        bigint not null,
  damage_entry_id bigint not null,
  household_id    bigint not null,
  area_code       text not null references areas (code),
  reported_on     date not null,
  reported_by     text not null,
  status          text not null default 'reported' check (status in ('reported', 'assessed', 'paid', 'refused')),
  -- the structure whose sum insured applies (the insured list's, else the damage register's)
  structure       text not null check (structure in ('reinforced_concrete', 'brick_concrete', 'brick_wood', 'earth_wood', 'other')),
  assessed_grade  text check (assessed_grade in ('collapsed', 'serious', 'general', 'none')),
  assessed_loss_fen bigint check (assessed_loss_fen >= 0),
  payable_fen     bigint check (payable_fen >= 0),
  -- what the payable amount was computed from (the formula's steps and parameters)
  basis           jsonb,
  assessed_on     date,
  assessed_by     text,
  paid_fen        bigint check (paid_fen >= 0),
  paid_on         date,
  payment_ref     text,
  refused_on      date,
  refusal_reason  text,
  note            text not null default '',
  version         integer not null default 0,
  created_at      timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, policy_id) references housing_insurance_policies (county_code, id),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  foreign key (county_code, damage_entry_id) references disaster_damage_entries (county_code, id),
  foreign key (county_code, policy_id, household_id) references housing_insurance_insured (county_code, policy_id, household_id),
  check (length(area_code) = 12 and left(area_code, 6) = county_code),
  check (status in ('reported', 'refused') or (assessed_grade is not null and assessed_loss_fen is not null and payable_fen is not null and assessed_on is not null)),
  check (status <> 'paid' or (paid_fen is not null and paid_on is not null and payment_ref is not null)),
  check (status <> 'refused' or (refusal_reason is not null and refused_on is not null))
);
-- one live claim per policy, household and event: a house is never paid twice for one event
create unique index housing_insurance_claims_live_idx on housing_insurance_claims (county_code, policy_id, household_id, event_id) where status <> 'refused';
create index housing_insurance_claims_area_idx on housing_insurance_claims (county_code, policy_id, area_code);
create index housing_insurance_claims_event_idx on housing_insurance_claims (county_code, event_id);
