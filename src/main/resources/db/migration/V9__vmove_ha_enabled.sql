-- Whether the instance of a VM move asked for its protection (metadata HA_Enabled) when it was identified.
-- The planner places protected instances before those that evacuate-all-instances adds, whatever their size.
ALTER TABLE vmoves ADD COLUMN ha_enabled BOOLEAN DEFAULT TRUE NOT NULL;
