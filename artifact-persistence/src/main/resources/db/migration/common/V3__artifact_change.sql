-- The live feed of artifact changes, shared by every server on this database: a server inserts a row
-- when it publishes, and each server polls for rows newer than the last it delivered. Rows are pruned
-- after a few minutes; this is a feed, not a history (revisions are the history).
create table artifact_change (
    seq            bigint generated always as identity primary key,
    project_id     uuid                        not null,
    artifact_id    uuid                        not null,
    artifact_type  varchar(32)                 not null,
    kind           varchar(32)                 not null,
    status         varchar(16)                 not null,
    version_number integer                     not null,
    changed_at     timestamp(6) with time zone not null,
    published_at   timestamp(6) with time zone not null
);
-- pruning by age
create index ix_artifact_change_published on artifact_change (published_at);
