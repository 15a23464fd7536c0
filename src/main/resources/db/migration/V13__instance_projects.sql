-- Project users read what concerns their project: the notifications that moved or restarted one of its
-- instances, and those instances' VM moves. The project of each instance is recorded when the workflow first
-- reads the server from Nova (Nova forgets a deleted server's project). VM moves recorded before this
-- version have no project and are seen only by administrators and readers.
ALTER TABLE vmoves ADD COLUMN project_id VARCHAR(64);

CREATE TABLE notification_projects (
    project_id        VARCHAR(64) NOT NULL,
    notification_uuid VARCHAR(36) NOT NULL,
    CONSTRAINT pk_notification_projects PRIMARY KEY (project_id, notification_uuid)
);
