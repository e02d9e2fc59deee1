-- The roll-up's refresh state (issue 25): when the last complete refresh started (every change committed
-- before it is in the figures: the dashboard's "as of"), and the progress of the one running, if any.
create table stats_rollup_state (
  id int primary key default 1 check (id = 1),
  as_of timestamptz not null,
  running_since timestamptz,
  done int not null default 0,
  total int not null default 0
);
insert into stats_rollup_state (id, as_of) values (1, now());
