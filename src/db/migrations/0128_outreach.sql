-- 政策找人 (proactive discovery, issue 21 must-have 2, staff side): the households the warnings list as
-- eligible but uncovered (eligible_uncovered), near-低保 (near_dibao) or with a poverty file and no granted
-- case (poverty_uncovered) become tasks of their village / township: visit, invite to apply, record the
-- outcome. One open task per household and kind at most; a closed task keeps its outcome.
create table outreach_tasks (
  county_code   text not null references areas (code),
  id            bigserial,
  household_id  bigint not null,
  -- the household's village when the task was generated
  area_code     text not null references areas (code),
  kind          text not null check (kind in ('eligible_uncovered', 'near_dibao', 'poverty_uncovered')),
  created_on    date not null,
  due_on        date not null,
  status        text not null check (status in ('open', 'closed')),
  outcome       text check (outcome in ('visited_not_eligible', 'invited', 'applied', 'declined', 'not_found')),
  outcome_on    date,
  note          text check (length(note) between 1 and 500),
  case_no       text,
  closed_by     text,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (county_code = left(area_code, 6) and length(area_code) = 12),
  check (due_on >= created_on),
  -- closed exactly when an outcome is recorded, dated not before the task; a case only with `applied`
  check ((status = 'closed') = (outcome is not null and outcome_on is not null and closed_by is not null)),
  check (outcome_on is null or outcome_on >= created_on),
  check ((case_no is not null) = (outcome is not distinct from 'applied'))
);

create unique index outreach_tasks_open on outreach_tasks (county_code, household_id, kind) where status = 'open';
create index outreach_tasks_area on outreach_tasks (area_code, status);
