-- Tokens held for model calls in flight, reserved before each call and settled to its real cost after:
-- the budget check is one conditional update of this row, so servers cannot both pass on the last tokens.
alter table token_usage add column reserved_tokens bigint default 0 not null;

-- Which of its owner's active-generation slots a queued or running generation holds (1..the limit),
-- null once it ends: unique per owner, so two servers cannot both give out the last free slot.
alter table generation add column active_slot integer;
alter table generation add constraint uq_generation_owner_slot unique (owner_id, active_slot);
