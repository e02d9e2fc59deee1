-- stats_dirty without a key: with one, two transactions marking the same village serialised on the
-- mark (`on conflict do nothing` waits for the other's uncommitted insert), so a long import or payroll
-- run held up every caseworker's write in its villages until it committed. Marks may now repeat; the
-- refresh takes them with `delete … returning` and keeps each area once. The triggers' `on conflict
-- do nothing` has no conflict left to detect and stays harmless.
alter table stats_dirty drop constraint stats_dirty_pkey;
