-- The store's schema, shared by PostgreSQL and H2. ${json} is jsonb on PostgreSQL and JSON on H2.
-- Enum columns hold the Java constant names (QUEUED, GENERATING, BRIEF...).

create table project (
    id          uuid                        primary key,
    owner_id    varchar(255)                not null,
    name        varchar(1000)               not null,
    idea        varchar(100000)             not null,
    -- [[question, answer], ...]: an array, because jsonb does not keep the order of object keys
    answers     ${json}                     not null,
    created_at  timestamp(6) with time zone not null
);
-- a user's projects, newest first
create index ix_project_owner_created on project (owner_id, created_at desc);

create table artifact (
    id               uuid                        primary key,
    project_id       uuid                        not null references project (id),
    artifact_type    varchar(32)                 not null,
    version_number   integer                     not null,
    current_content  ${json}                     not null,
    previous_content ${json},
    edited_sections  ${json}                     not null,
    status           varchar(16)                 not null,
    error_code       varchar(64),
    error_message    varchar(10000),
    schema_version   integer                     not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    -- optimistic lock: every change bumps it; the basis of ETags
    row_version      bigint                      not null,
    -- one artifact per project and type; also the index for a project's artifacts
    constraint uq_artifact_project_type unique (project_id, artifact_type),
    constraint ck_artifact_failed_has_error check (status <> 'FAILED' or error_code is not null)
);

create table annotation (
    id          uuid                        primary key,
    artifact_id uuid                        not null references artifact (id),
    -- order of addition; notes added in the same instant keep the order they were added in
    position    integer                     not null,
    section_id  varchar(255)                not null,
    note        varchar(4000)               not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_annotation_artifact_position unique (artifact_id, position)
);

-- immutable history: rows are only ever inserted
create table revision (
    id             uuid                        primary key,
    artifact_id    uuid                        not null references artifact (id),
    number         integer                     not null,
    version_number integer                     not null,
    source         varchar(16)                 not null,
    actor          varchar(255)                not null,
    created_at     timestamp(6) with time zone not null,
    sections       ${json}                     not null,
    content        ${json}                     not null,
    -- numbers run 1..n per artifact; also the index for listing and fetching one
    constraint uq_revision_artifact_number unique (artifact_id, number)
);

create table generation (
    id                uuid                        primary key,
    project_id        uuid                        not null references project (id),
    owner_id          varchar(255)                not null,
    tier              varchar(16)                 not null,
    instructions      varchar(10000),
    state             varchar(20)                 not null,
    created_at        timestamp(6) with time zone not null,
    started_at        timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    -- the project's id while queued or running, null afterwards: the unique constraint then allows one
    -- active generation per project on every database (H2 has no partial indexes), NULLs never collide
    active_project_id uuid,
    lease_worker      varchar(255),
    -- grows with every claim; a worker's write must show the current one (fencing)
    fencing_token     bigint                      not null,
    lease_expires_at  timestamp(6) with time zone,
    constraint uq_generation_active_project unique (active_project_id),
    constraint ck_generation_active_project check (
        (state in ('QUEUED', 'RUNNING') and active_project_id = project_id)
        or (state not in ('QUEUED', 'RUNNING') and active_project_id is null))
);
-- a project's generations by state (history, status pages)
create index ix_generation_project_state on generation (project_id, state);

create table generation_item (
    id            uuid         primary key,
    generation_id uuid         not null references generation (id),
    position      integer      not null,
    artifact_type varchar(32)  not null,
    artifact_id   uuid         not null references artifact (id),
    status        varchar(16)  not null,
    error_code    varchar(64),
    error_message varchar(10000),
    constraint uq_generation_item_type unique (generation_id, artifact_type)
);

-- tokens spent per user per UTC day, for the daily budget
create table token_usage (
    user_id            varchar(255) not null,
    usage_day          date         not null,
    input_tokens       bigint       not null,
    output_tokens      bigint       not null,
    cache_read_tokens  bigint       not null,
    cache_write_tokens bigint       not null,
    primary key (user_id, usage_day)
);
