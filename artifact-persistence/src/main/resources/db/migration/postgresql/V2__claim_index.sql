-- Workers look for the oldest queued generation, or a running one whose lease has run out. Only
-- active generations can be claimed, so a partial index keeps this small however long the history.
create index ix_generation_claim on generation (state, lease_expires_at, created_at)
    where active_project_id is not null;
