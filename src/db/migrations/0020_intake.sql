-- One-window intake (一门受理、协同办理) and oversight (举报). A request is recorded at a township or
-- community window; its parts are cases of the workflow engine (dibao, hardship) and referrals (转办 /
-- 分办) to partner departments, each with its time limit. Complaints (举报) with feedback to named
-- complainants, and fraud recovery records kept for the payroll module. Keyed by (county_code, id).

create sequence intake_id_seq;
create sequence intake_no_seq;

create table intake_requests (
  county_code      text not null,
  id               bigint not null default nextval('intake_id_seq'),
  request_no       text not null,
  -- the person's village when registered, else the window's area: the area the request's scope follows
  area_code        text not null references areas (code),
  window_area_code text not null references areas (code),
  channel          text not null check (channel in ('window', 'phone', 'online', 'village')),
  household_id     bigint,
  person_name      text not null,
  person_id_number text not null,
  person_phone     text not null default '',
  needs            text[] not null,
  description      text not null default '',
  assessment       jsonb not null,
  received_on      date not null,
  created_by       text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, request_no),
  foreign key (county_code, household_id) references households (county_code, id),
  check (county_code = left(area_code, 6))
);
create index intake_requests_area_idx on intake_requests (area_code, received_on);

-- A part of a request: a case (kind 'case', closed when the case reaches a decision state) or a
-- referral to a partner department (kind 'referral': referred → accepted → closed with an outcome).
create table intake_parts (
  county_code      text not null,
  id               bigint not null default nextval('intake_id_seq'),
  request_id       bigint not null,
  seq              integer not null,
  kind             text not null check (kind in ('case', 'referral')),
  need             text not null,
  department       text,
  case_id          bigint,
  status           text not null check (status in ('case', 'referred', 'accepted', 'closed')),
  referred_on      date not null,
  due_date         date,
  time_limit       integer,
  time_limit_parameter text,
  note             text not null default '',
  accepted_on      date,
  accepted_by      text,
  closed_on        date,
  outcome          text check (outcome in ('assisted', 'partially_assisted', 'not_eligible', 'declined')),
  result           text,
  version          integer not null default 0,
  primary key (county_code, id),
  unique (county_code, request_id, seq),
  foreign key (county_code, request_id) references intake_requests (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id),
  check ((kind = 'case') = (case_id is not null)),
  check ((kind = 'referral') = (department is not null)),
  check ((status = 'closed') = (closed_on is not null and outcome is not null))
);
create index intake_parts_request_idx on intake_parts (county_code, request_id);
create index intake_parts_department_idx on intake_parts (department, status);

-- What a partner did on a referral (accept, act, return a result): append-only.
create table intake_part_events (
  county_code  text not null,
  id           bigint not null default nextval('intake_id_seq'),
  part_id      bigint not null,
  action       text not null check (action in ('refer', 'accept', 'act', 'close')),
  on_date      date not null,
  at           timestamptz not null default now(),
  actor_id     bigint,
  actor_name   text not null,
  note         text not null default '',
  primary key (county_code, id),
  foreign key (county_code, part_id) references intake_parts (county_code, id)
);
create index intake_part_events_part_idx on intake_part_events (county_code, part_id, id);

create function intake_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger intake_part_events_append_only before update or delete on intake_part_events
  for each row execute function intake_append_only();

-- Complaints (举报): about a case, a recipient or staff; anonymous or named.
create table complaints (
  county_code       text not null,
  id                bigint not null default nextval('intake_id_seq'),
  complaint_no      text not null,
  area_code         text not null references areas (code),
  channel           text not null check (channel in ('hotline_12349', 'window', 'online')),
  anonymous         boolean not null,
  complainant_name  text,
  complainant_phone text,
  subject_kind      text not null check (subject_kind in ('case', 'recipient', 'staff')),
  case_id           bigint,
  subject_name      text not null default '',
  category          text not null check (category in ('favouritism', 'fraud', 'eligibility', 'misconduct', 'other')),
  content           text not null,
  received_on       date not null,
  status            text not null check (status in ('received', 'assigned', 'concluded', 'closed')),
  assignee          text,
  assigned_on       date,
  conclusion        text check (conclusion in ('substantiated', 'partly_substantiated', 'unsubstantiated')),
  finding           text,
  concluded_on      date,
  closed_on         date,
  case_flagged      boolean not null default false,
  created_by        text not null,
  created_at        timestamptz not null default now(),
  version           integer not null default 0,
  primary key (county_code, id),
  unique (county_code, complaint_no),
  foreign key (county_code, case_id) references cases (county_code, id),
  check (county_code = left(area_code, 6)),
  check (anonymous or complainant_name is not null),
  check (subject_kind = 'staff' or case_id is not null)
);
create index complaints_area_idx on complaints (area_code, received_on);

-- Feedback to the complainant (反馈): date, channel, content. A named complaint closes only with one.
create table complaint_feedback (
  county_code   text not null,
  id            bigint not null default nextval('intake_id_seq'),
  complaint_id  bigint not null,
  on_date       date not null,
  channel       text not null check (channel in ('phone', 'letter', 'visit', 'sms', 'online')),
  content       text not null,
  recorded_by   text not null,
  at            timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, complaint_id) references complaints (county_code, id)
);
create index complaint_feedback_idx on complaint_feedback (county_code, complaint_id);

-- Fraud recovery (骗取: 追回, 罚款 1–3 倍), kept for the payroll module.
create table fraud_recoveries (
  county_code    text not null,
  id             bigint not null default nextval('intake_id_seq'),
  complaint_id   bigint not null,
  case_id        bigint not null,
  household_id   bigint not null,
  obtained_fen   bigint not null check (obtained_fen > 0),
  recovered_fen  bigint not null check (recovered_fen >= 0),
  fine_multiple  numeric not null check (fine_multiple > 0),
  fine_fen       bigint not null check (fine_fen >= 0),
  decided_on     date not null,
  note           text not null default '',
  created_by     text not null,
  created_at     timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, complaint_id) references complaints (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index fraud_recoveries_case_idx on fraud_recoveries (county_code, case_id);
