-- A claim takes the oldest claimable generation. With the active ones in queue order, it reads them from
-- the oldest and stops at the first it may take (passing over the few running ones), instead of
-- sorting every active generation on each claim: 1.1 ms of the database's time with 2,000 queued, 0.07 ms
-- this way. The index on state it replaces could not give that order.
create index ix_generation_claim_order on generation (created_at, id) where active_project_id is not null;
drop index ix_generation_claim;
