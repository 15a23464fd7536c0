-- Capacity claims across concurrent recoveries: a VM move planned onto a host holds that host's room
-- until Nova has taken the evacuation on (accepted_at) and a grace after it, so that two recoveries
-- planning at once (on one node or several) do not both count the same free room.
ALTER TABLE vmoves ADD COLUMN accepted_at TIMESTAMP(6);
CREATE INDEX ix_vmoves_status_target ON vmoves (status, target_host);

-- Rows locked (SELECT ... FOR UPDATE) to serialize, across engine nodes: the planning of targets
-- ('capacity') and the claiming of an evacuation slot under the cloud-wide bound ('evacuations').
CREATE TABLE recovery_locks (
    name VARCHAR(32) PRIMARY KEY
);
INSERT INTO recovery_locks (name) VALUES ('capacity');
INSERT INTO recovery_locks (name) VALUES ('evacuations');
