-- The restart priority of each instance of a host failure, read from its server metadata instanceha:priority
-- (1 first to 5 last, 3 by default) when the instances are identified. An instance's evacuation starts once
-- every instance of the earlier tiers has settled (or the tier timeout has passed). One row per instance, for
-- all of its attempts; kept as history, like the VM moves.
CREATE TABLE restart_tiers (
    notification_uuid VARCHAR(36) NOT NULL,
    instance_uuid     VARCHAR(36) NOT NULL,
    priority          SMALLINT    NOT NULL,
    CONSTRAINT pk_restart_tiers PRIMARY KEY (notification_uuid, instance_uuid),
    CONSTRAINT ck_restart_tiers_priority CHECK (priority BETWEEN 1 AND 5)
);
