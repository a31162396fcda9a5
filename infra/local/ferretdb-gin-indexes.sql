-- Quiet: the notices of `if exists` and of the function definitions are not news on every `up`.
set client_min_messages = warning;

-- FerretDB 1.x on PostgreSQL keeps each collection in a table with one jsonb column, `_jsonb`. For every
-- index a client asks for (and the `_id` index of every collection) it creates a btree index on the fields'
-- expressions, `(_jsonb -> 'field')`, but it pushes an equality filter down as `(_jsonb -> 'field') @> value`,
-- which a btree index cannot answer: every lookup would read the whole table. So this event trigger gives each
-- such index a GIN twin on the same expressions (jsonb_path_ops answers `@>`), and the pushed-down filters use it.
-- Idempotent: run on every `ferretdb.sh up` against the FerretDB database, as the PostgreSQL superuser.

create or replace function ferretdb_gin_twin(index_oid oid) returns void language plpgsql as $$
declare
  index_name text;
  table_name regclass;
  columns text;
begin
  select c.relname, i.indrelid::regclass into index_name, table_name
    from pg_index i join pg_class c on c.oid = i.indexrelid where i.indexrelid = index_oid;
  if index_name is null or index_name like '%\_gin' then return; end if;
  -- Each column of the btree index, when every one is an expression on `_jsonb` (FerretDB's own indexes).
  select string_agg(format('(%s) jsonb_path_ops', pg_get_indexdef(index_oid, k, true)), ', ' order by k) into columns
    from generate_series(1, (select indnatts from pg_index where indexrelid = index_oid)) as k
    having bool_and(pg_get_indexdef(index_oid, k, true) like '(_jsonb -> %');
  if columns is null then return; end if;
  execute format('create index if not exists %I on %s using gin (%s)', left(index_name, 59) || '_gin', table_name, columns);
end $$;

create or replace function ferretdb_gin_twins() returns event_trigger language plpgsql as $$
declare
  command record;
begin
  for command in select objid from pg_event_trigger_ddl_commands() where command_tag = 'CREATE INDEX' loop
    perform ferretdb_gin_twin(command.objid);
  end loop;
end $$;

drop event trigger if exists ferretdb_gin_twins;
create event trigger ferretdb_gin_twins on ddl_command_end when tag in ('CREATE INDEX') execute function ferretdb_gin_twins();

-- An index FerretDB drops takes its twin with it (a table dropped takes all its indexes anyway).
create or replace function ferretdb_gin_twins_drop() returns event_trigger language plpgsql as $$
declare
  dropped record;
begin
  for dropped in select schema_name, object_name from pg_event_trigger_dropped_objects()
                  where object_type = 'index' and object_name not like '%\_gin' loop
    execute format('drop index if exists %I.%I', dropped.schema_name, left(dropped.object_name, 59) || '_gin');
  end loop;
end $$;

drop event trigger if exists ferretdb_gin_twins_drop;
create event trigger ferretdb_gin_twins_drop on sql_drop when tag in ('DROP INDEX') execute function ferretdb_gin_twins_drop();

-- Indexes made before the trigger existed.
select ferretdb_gin_twin(i.indexrelid)
  from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
 where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%';
