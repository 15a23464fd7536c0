-- A segment's policy: instance-ha's own settings per segment, beside Masakari's segment fields
-- (GET/PUT /v1/segments/{id}/policy). A segment without a row has the defaults.
CREATE TABLE segment_policies (
    segment_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES segments (id),
    return_to_service VARCHAR(8)   NOT NULL,
    failback          BOOLEAN      NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_segment_policies_return CHECK (return_to_service IN ('auto', 'ask', 'never'))
);
