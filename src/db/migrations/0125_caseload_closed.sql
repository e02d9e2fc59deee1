-- Caseload import (0120): a row may be a case the previous system closed (终止日期), imported as exited
-- with its entitlement paid until the month of closing.
alter table caseload_stage add column closed_on date;
