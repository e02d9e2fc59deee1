-- Caseload import (0120): a 特困 row's origin (供养类别 五保 / 三无 / 孤儿): as the file gives it (kept in the
-- case's context, as a township review sets it) and as counted (given, else derived from the registry).
alter table caseload_stage add column origin_given text, add column origin text;
