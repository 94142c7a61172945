-- Workers look for the oldest queued generation, or a running one whose lease has run out. H2 has no
-- partial indexes, so this one covers the whole history.
create index ix_generation_claim on generation (state, lease_expires_at, created_at);
