-- request_minutes and request_rollups become WITHOUT ROWID tables: the rows are stored in
-- primary-key order ((grain,) minute, endpoint, key, service, environment, status), so a
-- range of minutes is one sequential read of the table itself instead of a walk of the
-- primary-key index plus a lookup of every row by rowid. Every overview query reads these
-- rows by minute range; the upserts of ingest find their row in one b-tree instead of two.
-- Prisma's schema cannot say WITHOUT ROWID: the tables are otherwise unchanged.
CREATE TABLE "new_request_minutes" (
    "minute" INTEGER NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "api_key_fingerprint" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "duration_sum_ms" REAL NOT NULL,
    "duration_max_ms" REAL NOT NULL,
    "lat_le_50" INTEGER NOT NULL DEFAULT 0,
    "lat_le_100" INTEGER NOT NULL DEFAULT 0,
    "lat_le_250" INTEGER NOT NULL DEFAULT 0,
    "lat_le_500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_1000" INTEGER NOT NULL DEFAULT 0,
    "lat_le_2500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_5000" INTEGER NOT NULL DEFAULT 0,
    "lat_over_5000" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code")
) WITHOUT ROWID;
INSERT INTO "new_request_minutes" SELECT * FROM "request_minutes";
DROP TABLE "request_minutes";
ALTER TABLE "new_request_minutes" RENAME TO "request_minutes";
CREATE TABLE "new_request_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "api_key_fingerprint" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "duration_sum_ms" REAL NOT NULL,
    "duration_max_ms" REAL NOT NULL,
    "lat_le_50" INTEGER NOT NULL DEFAULT 0,
    "lat_le_100" INTEGER NOT NULL DEFAULT 0,
    "lat_le_250" INTEGER NOT NULL DEFAULT 0,
    "lat_le_500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_1000" INTEGER NOT NULL DEFAULT 0,
    "lat_le_2500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_5000" INTEGER NOT NULL DEFAULT 0,
    "lat_over_5000" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("grain", "minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code")
) WITHOUT ROWID;
INSERT INTO "new_request_rollups" SELECT * FROM "request_rollups";
DROP TABLE "request_rollups";
ALTER TABLE "new_request_rollups" RENAME TO "request_rollups";
