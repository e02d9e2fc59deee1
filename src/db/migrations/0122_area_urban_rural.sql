-- A village's 城镇/农村 class: derived from its name by the loader ('derived'), or set by hand by a
-- county approver or the prefecture ('manual'), which reloading the areas keeps.
alter table areas add column urban_source text not null default 'derived' check (urban_source in ('derived', 'manual'));
