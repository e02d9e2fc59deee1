-- Document numbers (case DB/TK, batch PC, intake request SL, complaint JB) are prefix + county + year
-- + 6 digits. They came from global sequences padded with lpad, which truncates: past 999,999 numbers
-- in total (all counties, all years) a number repeated and the insert failed on the unique key. Now
-- each (prefix, county, year) has its own counter, gapless as an official register expects.
-- The counter row is locked until the allocating transaction commits, so two transactions numbering
-- documents of one county and year take turns; case and request writes are short, and bulk loaders
-- take a whole block in one call.
create table serial_counters (
  prefix       text not null,
  county_code  text not null,
  year         text not null,
  last_no      bigint not null check (last_no >= 0),
  primary key (prefix, county_code, year)
);

-- Reserves p_n numbers and returns the first; raises when the six digits run out.
create function next_serials(p_prefix text, p_county text, p_year text, p_n bigint) returns bigint language plpgsql as $$
declare
  v bigint;
begin
  insert into serial_counters as c (prefix, county_code, year, last_no) values (p_prefix, p_county, p_year, p_n)
  on conflict (prefix, county_code, year) do update set last_no = c.last_no + excluded.last_no
  returning c.last_no into v;
  if v > 999999 then
    raise exception '% % % 年的编号已用尽（最多 999999 个）', p_prefix, p_county, p_year using errcode = '22003';
  end if;
  return v - p_n + 1;
end $$;

-- Numbers already issued from the old sequences: each counter starts after the highest one.
insert into serial_counters (prefix, county_code, year, last_no)
select prefix, county_code, year, max(n) from (
  select substr(case_no, 1, 2) as prefix, county_code, substr(case_no, 9, 4) as year, substr(case_no, 13)::bigint as n from cases
  union all
  select substr(batch_no, 1, 2), county_code, substr(batch_no, 9, 4), substr(batch_no, 13)::bigint from case_batches
  union all
  select substr(request_no, 1, 2), county_code, substr(request_no, 9, 4), substr(request_no, 13)::bigint from intake_requests
  union all
  select substr(complaint_no, 1, 2), county_code, substr(complaint_no, 9, 4), substr(complaint_no, 13)::bigint from complaints
) issued
group by prefix, county_code, year;
