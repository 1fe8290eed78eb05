-- Narrow coarse rollups (lib/rollup/narrow-rollups.ts): request_rollups summed over every
-- dimension but the status (status_total_rollups), over endpoint and key (status_rollups), over
-- the key (endpoint_rollups) and over the endpoint (key_rollups), at grains 10 and 60. The
-- overview's totals, series and top lists read 5-30x fewer rows from them. Written by the fold
-- job and ingest's old-calls path, never by the ingest of recent calls.
-- SQLite: WITHOUT ROWID, stored in primary-key order like request_rollups (see …_rollups_without_rowid).
-- CreateTable
CREATE TABLE "status_total_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("grain", "minute", "status_code")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "status_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("grain", "minute", "service", "environment", "status_code")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "endpoint_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "endpoint_id" TEXT NOT NULL,
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

    PRIMARY KEY ("grain", "minute", "endpoint_id", "service", "environment", "status_code")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "key_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "api_key_fingerprint" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("grain", "minute", "api_key_fingerprint", "service", "environment", "status_code")
) WITHOUT ROWID;

-- Backfill from request_rollups (buckets still marked are rebuilt by the fold job as usual).
INSERT INTO "status_total_rollups" (grain, minute, status_code, status_class, count)
SELECT grain, minute, status_code, status_class, SUM(count)
FROM request_rollups GROUP BY grain, minute, status_code, status_class;
INSERT INTO "status_rollups" (grain, minute, service, environment, status_code, status_class, count)
SELECT grain, minute, service, environment, status_code, status_class, SUM(count)
FROM request_rollups GROUP BY grain, minute, service, environment, status_code, status_class;
INSERT INTO "endpoint_rollups" (grain, minute, endpoint_id, service, environment, status_code, status_class, count, duration_sum_ms, duration_max_ms, lat_le_50, lat_le_100, lat_le_250, lat_le_500, lat_le_1000, lat_le_2500, lat_le_5000, lat_over_5000)
SELECT grain, minute, endpoint_id, service, environment, status_code, status_class, SUM(count), SUM(duration_sum_ms), MAX(duration_max_ms), SUM(lat_le_50), SUM(lat_le_100), SUM(lat_le_250), SUM(lat_le_500), SUM(lat_le_1000), SUM(lat_le_2500), SUM(lat_le_5000), SUM(lat_over_5000)
FROM request_rollups GROUP BY grain, minute, endpoint_id, service, environment, status_code, status_class;
INSERT INTO "key_rollups" (grain, minute, api_key_fingerprint, service, environment, status_code, status_class, count)
SELECT grain, minute, api_key_fingerprint, service, environment, status_code, status_class, SUM(count)
FROM request_rollups GROUP BY grain, minute, api_key_fingerprint, service, environment, status_code, status_class;

-- CreateIndex
CREATE INDEX "endpoint_rollups_grain_endpoint_id_minute_status_code_status_class_count_idx" ON "endpoint_rollups"("grain", "endpoint_id", "minute", "status_code", "status_class", "count");

-- CreateIndex
CREATE INDEX "key_rollups_grain_api_key_fingerprint_minute_status_code_status_class_count_idx" ON "key_rollups"("grain", "api_key_fingerprint", "minute", "status_code", "status_class", "count");

