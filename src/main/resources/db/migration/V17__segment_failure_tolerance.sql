-- A segment's failure tolerance (GET/PUT /v1/segments/{id}/policy): how many failures of which kind its free
-- room must absorb, checked by the recovery plan (tolerated_host_failures) and its alert.
ALTER TABLE segment_policies ADD COLUMN failures_to_tolerate INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE segment_policies ADD COLUMN failure_domain VARCHAR(20) DEFAULT 'host' NOT NULL;
ALTER TABLE segment_policies ADD CONSTRAINT ck_segment_policies_tolerate
    CHECK (failures_to_tolerate BETWEEN 0 AND 3);
ALTER TABLE segment_policies ADD CONSTRAINT ck_segment_policies_domain
    CHECK (failure_domain IN ('host', 'availability_zone', 'aggregate'));
