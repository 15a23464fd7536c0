-- How each kind of instance is recovered (a segment's policy, GET/PUT /v1/segments/{id}/policy): where instance
-- disks live, which instances a service owns (newline-separated lists), and the action for each evacuation class.
ALTER TABLE segment_policies ADD COLUMN instance_storage VARCHAR(8) DEFAULT 'shared' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN service_projects VARCHAR(3300) DEFAULT '' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN service_instance_names VARCHAR(12850) DEFAULT '' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN action_volume_backed VARCHAR(20) DEFAULT 'evacuate' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN action_shared_ephemeral VARCHAR(20) DEFAULT 'evacuate' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN action_local_ephemeral VARCHAR(20) DEFAULT 'ask' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN action_not_evacuable VARCHAR(20) DEFAULT 'skip' NOT NULL;
ALTER TABLE segment_policies ADD COLUMN action_service_owned VARCHAR(20) DEFAULT 'evacuate' NOT NULL;
ALTER TABLE segment_policies ADD CONSTRAINT ck_segment_policies_storage CHECK (instance_storage IN ('shared', 'local'));
ALTER TABLE segment_policies ADD CONSTRAINT ck_segment_policies_actions CHECK (
    action_volume_backed IN ('evacuate', 'evacuate_stopped', 'skip', 'ask')
    AND action_shared_ephemeral IN ('evacuate', 'evacuate_stopped', 'skip', 'ask')
    AND action_local_ephemeral IN ('evacuate', 'evacuate_stopped', 'skip', 'ask')
    AND action_not_evacuable IN ('skip', 'ask')
    AND action_service_owned IN ('evacuate', 'evacuate_stopped', 'skip', 'ask'));

-- A VM move's evacuation class and the action the recovery took for it (null: moves from before, and failbacks).
ALTER TABLE vmoves ADD COLUMN evacuation_class VARCHAR(20);
ALTER TABLE vmoves ADD COLUMN evacuation_action VARCHAR(20);
