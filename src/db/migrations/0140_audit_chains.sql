-- The audit log is hash-chained per partition instead of as one global chain behind an advisory lock:
-- chain_key = county code (the prefecture's code for prefecture-level entries, 'global' without an area)
-- and the civil date in China, e.g. '522701/2026-12-07'. Each chain's head row is locked only by writers
-- of that chain. The entries written before this migration keep their hashes as the closed chain 'legacy'.
-- Adding a column with a constant default rewrites no row and fires no row trigger (append-only holds).
alter table audit_log add column chain_key text not null default 'legacy';
alter table audit_log alter column chain_key drop default;
create index audit_log_chain_idx on audit_log (chain_key, id);

create table audit_chain_heads (
  chain_key text primary key,
  last_id   bigint not null,
  last_hash text not null
);

insert into audit_chain_heads (chain_key, last_id, last_hash)
  select 'legacy', id, hash from audit_log order by id desc limit 1;

-- A head only moves forward (a writer re-stamping it with the same values to lock it is allowed) and is never
-- removed: rolling a head back to hide removed entries needs the trigger disabled, like editing audit_log.
create function audit_chain_heads_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'audit_chain_heads only move forward (% refused)', tg_op;
  end if;
  if new.chain_key <> old.chain_key or new.last_id < old.last_id
     or (new.last_id = old.last_id and new.last_hash <> old.last_hash)
     or (old.chain_key = 'legacy' and new.last_id <> old.last_id) then
    raise exception 'audit_chain_heads only move forward (chain %)', old.chain_key;
  end if;
  return new;
end;
$$;
create trigger audit_chain_heads_no_rewind before update or delete on audit_chain_heads
  for each row execute function audit_chain_heads_forward_only();
create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads
  for each statement execute function audit_chain_heads_forward_only();
