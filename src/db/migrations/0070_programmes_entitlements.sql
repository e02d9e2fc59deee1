-- Programmes as plug-ins (src/programmes): a `programmes` table the application fills from its registry
-- at every start (the foreign keys below replace the `check (programme in …)` constraints); the phase
-- of each case (its state's tag, written by the workflow engine) and the context its steps recorded;
-- and entitlements, the contract for money and figures: what a decision grants, to whom, from which
-- month to which, in fen. Payroll pays entitlements; statistics count them.

create table programmes (
  code           text primary key check (code ~ '^[a-z_]+$'),
  serial_prefix  text not null unique check (serial_prefix ~ '^[A-Z]{2}$'),
  kind           text not null check (kind in ('enrolment', 'claim', 'event')),
  recipient      text not null check (recipient in ('household', 'person')),
  name           text not null,
  name_en        text not null,
  updated_at     timestamptz not null default now()
);
-- The programmes of the rows that already exist; the application's registry updates them at start.
insert into programmes (code, serial_prefix, kind, recipient, name, name_en) values
  ('dibao', 'DB', 'enrolment', 'household', '最低生活保障', 'Minimum living guarantee (dibao)'),
  ('hardship', 'TK', 'enrolment', 'person', '特困人员救助供养', 'Extreme hardship support');

alter table cases drop constraint cases_programme_check;
alter table cases add foreign key (programme) references programmes (code);
alter table case_batches drop constraint case_batches_programme_check;
alter table case_batches add foreign key (programme) references programmes (code);
alter table payroll_lines drop constraint payroll_lines_programme_check;
alter table payroll_lines add foreign key (programme) references programmes (code);
alter table payroll_totals add foreign key (programme) references programmes (code);
alter table payroll_reissues add foreign key (programme) references programmes (code);
alter table payroll_ledger add foreign key (programme) references programmes (code);

-- The phase of the case's state: pending → granted (a claim given) / payable (in payment) / suspended → terminal.
alter table cases add column phase text not null default 'pending'
  check (phase in ('pending', 'granted', 'payable', 'suspended', 'terminal'));
update cases set phase = case
  when state in ('approved', 'under_review', 'gradual_exit', 'termination_notice') then 'payable'
  when state = 'suspended' then 'suspended'
  when state in ('rejected', 'withdrawn', 'exited') then 'terminal'
  else 'pending' end;
create index cases_phase_idx on cases (area_code, phase);
-- Each step records the phase it led to (the one-window intake closes a case part at the first step out of `pending`).
alter table case_transitions add column to_phase text not null default 'pending'
  check (to_phase in ('pending', 'granted', 'payable', 'suspended', 'terminal'));
alter table case_transitions disable trigger case_transitions_append_only;
update case_transitions set to_phase = case
  when to_state in ('approved', 'under_review', 'gradual_exit', 'termination_notice') then 'payable'
  when to_state = 'suspended' then 'suspended'
  when to_state in ('rejected', 'withdrawn', 'exited') then 'terminal'
  else 'pending' end
where to_state not in ('accepted', 'visited', 'verified', 'assessed', 'community_reviewed', 'notice', 'county_review', 'county_notice');
alter table case_transitions enable trigger case_transitions_append_only;

-- What the case's steps recorded, for guards and facts (built here from the steps already taken).
alter table cases add column context jsonb not null default '{}';
update cases c set context = jsonb_strip_nulls(jsonb_build_object(
  'verification', (select jsonb_strip_nulls(jsonb_build_object('seq', t.seq, 'on', t.on_date, 'method', coalesce(t.data ->> 'method', 'manual'), 'result', t.data ->> 'result', 'requestNo', t.data ->> 'requestNo'))
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'verify_economic_status' order by t.seq desc limit 1),
  'incomeCheck', (select jsonb_strip_nulls(jsonb_build_object('seq', t.seq, 'on', t.on_date, 'method', coalesce(t.data ->> 'method', 'manual'), 'result', t.data ->> 'result', 'requestNo', t.data ->> 'requestNo'))
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'review_income_check' order by t.seq desc limit 1),
  'homeVisit', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action in ('home_visit', 'review_home_visit') order by t.seq desc limit 1),
  'communityReview', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'community_review' order by t.seq desc limit 1),
  'objection', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'record_objection' order by t.seq desc limit 1),
  'countyVisit', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'county_visit' order by t.seq desc limit 1),
  'complaint', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'record_complaint' order by t.seq desc limit 1),
  'grantedComplaint', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'record_complaint'
      and t.from_state in ('approved', 'suspended', 'gradual_exit', 'under_review', 'termination_notice') order by t.seq desc limit 1),
  'reviewStart', (select jsonb_build_object('seq', t.seq, 'on', t.on_date)
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action in ('start_review', 'record_death') order by t.seq desc limit 1),
  'stability', (select t.data ->> 'stability'
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action in ('approve', 'continue', 'change_amount', 'resume') and t.data ? 'stability' order by t.seq desc limit 1),
  'selfCare', (select t.data -> 'items'
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'assess_self_care' order by t.seq desc limit 1),
  'support', (select jsonb_strip_nulls(jsonb_build_object('mode', t.data ->> 'supportMode', 'institutionId', t.data -> 'institutionId',
      'hasLegalSupporter', t.data -> 'hasLegalSupporter', 'supporterAble', t.data -> 'supporterAble'))
    from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action = 'township_review' and t.data ? 'supportMode' order by t.seq desc limit 1)
))
where exists (select 1 from case_transitions t where t.county_code = c.county_code and t.case_id = c.id and t.action <> 'accept');

-- Entitlements (享受待遇): written with every decision that sets or stops a payment, never changed.
-- One applies from `from_month` until its `to_month`, or until the month before the next entitlement
-- of the same case, whichever comes first (entitlement_segments); an amount of 0 stops payment
-- (suspension, exit). A one-off payment (a claim) is one month: from_month = to_month.
create table entitlements (
  county_code      text not null references areas (code),
  id               bigint not null default nextval('case_id_seq'),
  programme        text not null references programmes (code),
  case_id          bigint not null,
  decision_id      bigint not null,
  household_id     bigint not null,
  -- the case's area (village): figures are kept by it
  area_code        text not null references areas (code),
  recipient_kind   text not null check (recipient_kind in ('household', 'person')),
  -- the household, or the person (member id)
  recipient_id     bigint not null,
  schedule         text not null check (schedule in ('monthly', 'one_off')),
  from_month       text not null check (from_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  to_month         text check (to_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  amount_fen       bigint not null check (amount_fen >= 0),
  persons          integer not null check (persons >= 0),
  -- the numbers the programme's statistics keep (e.g. 低保: gap, topup; 特困: institutional)
  summary          jsonb not null default '{}',
  payee            text not null check (payee in ('recipient', 'insurer', 'institution')),
  method           text not null default 'transfer' check (method in ('transfer', 'cash')),
  payee_name       text not null,
  payee_id_number  text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id),
  foreign key (county_code, decision_id) references case_decisions (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (county_code = left(area_code, 6)),
  check (to_month is null or to_month >= from_month),
  check (schedule = 'monthly' or to_month = from_month)
);
create index entitlements_case_idx on entitlements (county_code, case_id, from_month, id);
create index entitlements_area_idx on entitlements (area_code, from_month);
create trigger entitlements_append_only before update or delete on entitlements
  for each row execute function cases_append_only();

-- The months each entitlement is in force: `until_month` inclusive, null while open-ended. The window
-- is partitioned by the case's county and area, so a filter on either is applied before it.
create view entitlement_segments as
select s.*,
  case
    when s.next_month is null then s.to_month
    when s.to_month is null then to_char(to_date(s.next_month, 'YYYY-MM') - interval '1 month', 'YYYY-MM')
    else least(s.to_month, to_char(to_date(s.next_month, 'YYYY-MM') - interval '1 month', 'YYYY-MM'))
  end as until_month
from (
  select e.*, lead(e.from_month) over (partition by e.county_code, e.area_code, e.case_id order by e.from_month, e.id) as next_month
  from entitlements e
) s;

-- The entitlements of the decisions already taken.
insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
  from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
select c.county_code, c.programme, c.id, d.id, c.household_id, c.area_code, p.recipient,
  case when p.recipient = 'household' then c.household_id else c.applicant_member_id end, 'monthly',
  d.effective_month, case when d.kind = 'gradual_exit' then d.end_month end,
  case when d.kind in ('suspend', 'exit') then 0 else coalesce(d.amount_fen, 0) end,
  case when d.kind in ('suspend', 'exit') then 0
       when p.recipient = 'person' then 1
       when jsonb_typeof(d.explanation -> 'value' -> 'members') = 'array' then jsonb_array_length(d.explanation -> 'value' -> 'members')
       else (select count(*) from members m where m.county_code = c.county_code and m.household_id = c.household_id) end,
  case when d.kind in ('suspend', 'exit') then '{}'::jsonb
       when c.programme = 'hardship' then jsonb_build_object('institutional', case when c.context -> 'support' ->> 'mode' = 'institutional' then 1 else 0 end)
       when jsonb_typeof(d.explanation -> 'value' -> 'members') = 'array' then jsonb_build_object(
         'gap', (select coalesce(sum((x ->> 'gap')::bigint), 0) from jsonb_array_elements(d.explanation -> 'value' -> 'members') x),
         'topup', (select count(*) from jsonb_array_elements(d.explanation -> 'value' -> 'members') x where (x ->> 'topup')::bigint > 0))
       else jsonb_build_object(
         'gap', coalesce(d.amount_fen, 0),
         'topup', (select count(*) from members m where m.county_code = c.county_code and m.household_id = c.household_id
                   and (cardinality(m.categories) > 0 or m.serious_illness or m.student or m.disability_grade <= 2))) end,
  'recipient', 'transfer', c.applicant_name, c.applicant_id_number
from case_decisions d
join cases c on c.county_code = d.county_code and c.id = d.case_id
join programmes p on p.code = c.programme
where d.kind in ('approve', 'review', 'change', 'resume', 'gradual_exit', 'suspend', 'exit') and d.effective_month is not null
order by d.county_code, d.id;
