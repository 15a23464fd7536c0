-- One row per notification under recovery, locked (SELECT ... FOR UPDATE) while an evacuation slot is
-- claimed, so that concurrent claims on several engine nodes count ongoing moves one at a time.
-- A row of its own, never updated, rather than the notification's row, which the workflow updates.
CREATE TABLE evacuation_slot_locks (
    notification_uuid VARCHAR(36) PRIMARY KEY REFERENCES notifications (notification_uuid)
);
