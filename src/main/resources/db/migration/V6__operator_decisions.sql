-- What an operator decided on an attempt (the wire name of the form's choice: retry_on_host,
-- retry_scheduler, retry, recovered_by_hand, give_up), beside who (decided_by): the incident timeline
-- shows it, without reading it out of the message.
ALTER TABLE vmoves ADD COLUMN decision VARCHAR(32);
ALTER TABLE instance_restarts ADD COLUMN decision VARCHAR(32);
