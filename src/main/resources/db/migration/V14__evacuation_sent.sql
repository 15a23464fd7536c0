-- When "Evacuate instance" was about to ask Nova for a VM move's evacuation, written and committed before it
-- asks: a later run of the job (after a crash, or a Nova error) then reads the server first, so that an
-- evacuation Nova took is never asked for twice; a first run needs no such read.
ALTER TABLE vmoves ADD COLUMN evacuation_sent_at TIMESTAMP(6);
