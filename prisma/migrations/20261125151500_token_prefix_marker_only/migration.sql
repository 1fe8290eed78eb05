-- Display prefixes used to run to the token's last "_", and base64url secrets can contain
-- "_", so a stored prefix could hold most of the secret. Keep the kind marker and 4 characters.
UPDATE "tokens" SET "prefix" = substr("prefix", 1, 14) || '…' WHERE "prefix" LIKE 'fl!_ingest!_%' ESCAPE '!' AND length("prefix") > 15;
UPDATE "tokens" SET "prefix" = substr("prefix", 1, 11) || '…' WHERE "prefix" LIKE 'fl!_api!_%' ESCAPE '!' AND length("prefix") > 12;
