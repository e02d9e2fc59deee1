-- 集中供养 placements: a 特困 person's stay in an institution (敬老院, 供养服务机构) of the case's county.
-- A placement is opened `pending` when a 特困 decision grants institutional support naming an institution,
-- becomes `admitted` when the institution takes the person in (a bed), and ends `discharged` (kind
-- transfer, discharge or death) — or `cancelled` when it never took a bed (the case ended or changed to
-- home-based support first). A person has at most one open (pending or admitted) placement. An
-- institution's admitted placements never exceed its beds: the service counts them under a lock of the
-- institution's row (select … for update), so two admissions at once cannot overfill it.
-- The institution's capacity and name are read from `institutions` (migration 0010; the institutions
-- module takes that table over in migration 0100 and will offer a public read).
create table institution_placements (
  county_code       text not null references areas (code),
  id                bigserial,
  institution_id    bigint not null,
  case_id           bigint not null,
  household_id      bigint not null,
  -- the person (member id) and the case's village: scope and figures follow the person
  member_id         bigint not null,
  area_code         text not null references areas (code),
  status            text not null check (status in ('pending', 'admitted', 'discharged', 'cancelled')),
  -- the decision that asked for the placement
  requested_on      date not null,
  admitted_on       date,
  bed_label         text check (bed_label is null or length(bed_label) between 1 and 20),
  -- the self-care level at admission (from the case's self-care assessment) and the care standard of that level
  self_care_level   text check (self_care_level in ('self_care', 'partial', 'full')),
  care_fee_fen      bigint check (care_fee_fen >= 0),
  discharged_on     date,
  discharge_kind    text check (discharge_kind in ('transfer', 'discharge', 'death')),
  discharge_reason  text not null default '',
  -- a transfer's placement at the receiving institution
  transferred_to    bigint,
  -- a transfer's placement it continues
  transferred_from  bigint,
  version           integer not null default 1,
  primary key (county_code, id),
  foreign key (county_code, institution_id) references institutions (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  foreign key (county_code, transferred_to) references institution_placements (county_code, id),
  foreign key (county_code, transferred_from) references institution_placements (county_code, id),
  check (county_code = left(area_code, 6)),
  check ((status = 'pending') = (admitted_on is null and discharged_on is null) or status = 'cancelled'),
  check (status <> 'admitted' or (admitted_on is not null and discharged_on is null)),
  check (status <> 'discharged' or (admitted_on is not null and discharged_on is not null and discharge_kind is not null)),
  check (discharged_on is null or discharged_on >= admitted_on),
  check (transferred_to is null or discharge_kind = 'transfer')
);

-- At most one open placement per person.
create unique index institution_placements_open_idx on institution_placements (county_code, member_id) where status in ('pending', 'admitted');
-- Occupancy: the admitted stays of an institution over a period.
create index institution_placements_stay_idx on institution_placements (county_code, institution_id, admitted_on) where admitted_on is not null;
create index institution_placements_case_idx on institution_placements (county_code, case_id);
