-- 微心愿 (micro-wishes) and charity assistance (慈善捐赠), issue 19 must-haves 2 and 3.
-- A wish is a recipient household's small wish (an item or a service, its value capped by the dated
-- parameter wishes.value_cap), recorded with the household's consent by the village clerk (or the township
-- or county), published on the wish wall (household masked: village name only), claimed once by an
-- organisation, team, volunteer or donor, fulfilled with a confirmation (photo or signature reference), or
-- withdrawn. A campaign (e.g. 点亮微心愿) of a county or the prefecture groups wishes.
-- The claimant is kind + name + an optional external reference, with no foreign key: the organisations and
-- volunteers register (src/modules/volunteers, migration 0110) is built in parallel and may later link it.
-- A donation (cash or goods) goes to a named household or to a campaign.

create table wish_campaigns (
  id           bigserial primary key,
  -- a county (6 digits, not ending 00) or the prefecture (ending 00): both 6-digit codes
  area_code    text not null references areas (code) check (area_code ~ '^\d{6}$'),
  name         text not null check (length(name) between 2 and 100),
  from_on      date not null,
  to_on        date not null,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  unique (area_code, name, from_on),
  check (to_on >= from_on)
);

create table wishes (
  county_code        text not null references areas (code),
  id                 bigserial,
  wish_no            text not null unique check (wish_no ~ '^WX\d{16}$'),
  household_id       bigint not null,
  -- the household's village when the wish was recorded (the wall shows its name only)
  village_code       text not null references areas (code),
  campaign_id        bigint references wish_campaigns (id),
  kind               text not null check (kind in ('item', 'service')),
  description        text not null check (length(description) between 2 and 200),
  value_fen          bigint not null check (value_fen > 0),
  -- the household's consent to publish (required): the date and who gave it
  consent_on         date not null,
  consent_by         text not null check (length(consent_by) between 1 and 50),
  recorded_on        date not null,
  status             text not null check (status in ('recorded', 'published', 'claimed', 'fulfilled', 'withdrawn')),
  published_on       date,
  claimant_kind      text check (claimant_kind in ('organisation', 'team', 'volunteer', 'donor')),
  claimant_name      text check (length(claimant_name) between 1 and 100),
  -- e.g. the volunteer register's number or a 统一社会信用代码; no foreign key (see above)
  claimant_ref       text check (length(claimant_ref) between 1 and 100),
  claimed_on         date,
  fulfilled_on       date,
  confirmation_kind  text check (confirmation_kind in ('photo', 'signature')),
  confirmation_ref   text check (length(confirmation_ref) between 1 and 200),
  withdrawn_on       date,
  withdrawn_reason   text check (length(withdrawn_reason) between 2 and 200),
  created_by         text not null,
  version            integer not null default 0,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (county_code = left(village_code, 6) and substr(wish_no, 3, 6) = county_code),
  check (consent_on <= recorded_on),
  check ((status in ('published', 'claimed', 'fulfilled')) <= (published_on is not null)),
  -- claimed once: the claimant is set together with the claim date, and only a claimed (or fulfilled) wish has one
  check ((claimant_kind is null) = (claimant_name is null) and (claimant_kind is null) = (claimed_on is null)),
  check (claimant_ref is null or claimant_kind is not null),
  check ((status in ('claimed', 'fulfilled')) <= (claimed_on is not null)),
  check (status not in ('recorded', 'published') or claimed_on is null),
  check ((status = 'fulfilled') = (fulfilled_on is not null)),
  check ((fulfilled_on is null) = (confirmation_kind is null) and (fulfilled_on is null) = (confirmation_ref is null)),
  check ((status = 'withdrawn') = (withdrawn_on is not null) and (withdrawn_on is null) = (withdrawn_reason is null)),
  check (published_on is null or published_on >= consent_on),
  check (claimed_on is null or claimed_on >= published_on),
  check (fulfilled_on is null or fulfilled_on >= claimed_on)
);
create index wishes_village_idx on wishes (village_code, status);
create index wishes_household_idx on wishes (county_code, household_id);
-- Claimed once: the claim is the conditional update `where status = 'published' and claimed_on is null`
-- (repo/wishes.ts claimWish); a second claim, sequential or concurrent, updates no row. The checks above keep
-- the claimant and the claim date together and forbid a claimed wish going back to published.

create table charity_donations (
  county_code       text not null references areas (code),
  id                bigserial,
  donor_kind        text not null check (donor_kind in ('organisation', 'person', 'enterprise')),
  donor_name        text not null check (length(donor_name) between 1 and 100),
  form              text not null check (form in ('cash', 'goods')),
  -- cash: the amount; goods: their value
  value_fen         bigint not null check (value_fen > 0),
  goods_description text check (length(goods_description) between 1 and 200),
  goods_quantity    integer check (goods_quantity > 0),
  household_id      bigint,
  campaign_id       bigint references wish_campaigns (id),
  received_on       date not null,
  note              text not null default '' check (length(note) <= 200),
  recorded_by       text not null,
  created_at        timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check ((household_id is null) <> (campaign_id is null)),
  check ((form = 'goods') = (goods_description is not null) and (form = 'goods') = (goods_quantity is not null))
);
create index charity_donations_household_idx on charity_donations (county_code, household_id);
