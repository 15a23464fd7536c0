-- A host's control_attributes may describe its BMC as a JSON object, which needs more than Masakari's 255
-- characters (a Redfish BMC with a certificate path); a plain string stays capped at 255 by the API.
ALTER TABLE hosts ALTER COLUMN control_attributes SET DATA TYPE VARCHAR(1024);
