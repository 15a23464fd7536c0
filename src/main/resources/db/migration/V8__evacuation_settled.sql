-- When Nova's evacuation of a VM move settled (moved or failed, as "Check evacuation" saw it). An ongoing
-- move holds an evacuation slot (max-parallel-evacuations, -total) only until then: what is left of it,
-- restoring the power state and recording the outcome, is no evacuation in flight.
ALTER TABLE vmoves ADD COLUMN evacuation_settled_at TIMESTAMP(6);
