-- Operators finish what the engine could not. Each evacuation attempt of an instance is a VM move row of
-- its own (1 is the first, then the automatic retries, then the operators' retries), so a failed attempt
-- stays as history. operator_task_id is the Camunda user task that waits for an operator's decision on
-- the instance, while one does; decided_by is the Camunda user id of the operator who decided.

ALTER TABLE vmoves ADD COLUMN attempt INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE vmoves ADD COLUMN operator_task_id VARCHAR(64);
ALTER TABLE vmoves ADD COLUMN decided_by VARCHAR(255);
ALTER TABLE vmoves DROP CONSTRAINT uq_vmoves_instance;
ALTER TABLE vmoves ADD CONSTRAINT uq_vmoves_attempt UNIQUE (notification_uuid, instance_uuid, attempt);
CREATE INDEX ix_vmoves_operator_task ON vmoves (operator_task_id);
