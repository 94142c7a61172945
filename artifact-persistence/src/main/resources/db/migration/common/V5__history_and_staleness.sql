-- Staleness and restores. An artifact keeps the number of its latest revision (so a project's five rows
-- tell whether a dependent was written from an older revision of a dependency, with no join to the
-- history) and the dependency revisions its content was written from ({"brief": 3}). A revision keeps
-- the artifact's marks as they were then (edited sections, written from) and, for a restore, which
-- revision it brought back. Rows written before this migration read as written from nothing known:
-- never stale.
alter table artifact add column head_revision integer default 0 not null;
alter table artifact add column written_from ${json};
update artifact set head_revision = (select coalesce(max(r.number), 0) from revision r where r.artifact_id = artifact.id);

alter table revision add column edited_sections ${json};
alter table revision add column written_from ${json};
alter table revision add column restored_from integer;
