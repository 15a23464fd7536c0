-- Failback: a host back in service takes its instances home by live migration, each a VM move of type
-- 'live_migration' (Masakari's vmove type) under the notification of the recovery that moved it away. An
-- instance may now have a move of each type in one notification.
ALTER TABLE vmoves DROP CONSTRAINT ck_vmoves_type;
ALTER TABLE vmoves ADD CONSTRAINT ck_vmoves_type CHECK (type IN ('evacuation', 'migration', 'live_migration'));
ALTER TABLE vmoves DROP CONSTRAINT uq_vmoves_attempt;
ALTER TABLE vmoves ADD CONSTRAINT uq_vmoves_attempt UNIQUE (notification_uuid, instance_uuid, type, attempt);
