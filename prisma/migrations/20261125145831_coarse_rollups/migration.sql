-- CreateTable
CREATE TABLE "request_rollups" (
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
);

-- CreateTable
CREATE TABLE "error_key_rollups" (
    "grain" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "api_key_fingerprint" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "error_key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("grain", "minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code", "error_key")
);


-- Backfill: fold the existing minute rollups into both coarse grains, so long ranges keep
-- their history after the upgrade.
INSERT INTO "request_rollups" ("grain", "minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code", "status_class", "count", "duration_sum_ms", "duration_max_ms", "lat_le_50", "lat_le_100", "lat_le_250", "lat_le_500", "lat_le_1000", "lat_le_2500", "lat_le_5000", "lat_over_5000")
SELECT g."grain", m."minute" - (m."minute" % g."grain"), m."endpoint_id", m."api_key_fingerprint", m."service", m."environment", m."status_code", m."status_class",
       SUM(m."count"), SUM(m."duration_sum_ms"), MAX(m."duration_max_ms"), SUM(m."lat_le_50"), SUM(m."lat_le_100"), SUM(m."lat_le_250"), SUM(m."lat_le_500"),
       SUM(m."lat_le_1000"), SUM(m."lat_le_2500"), SUM(m."lat_le_5000"), SUM(m."lat_over_5000")
FROM "request_minutes" m CROSS JOIN (SELECT 10 AS "grain" UNION ALL SELECT 60) g
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "error_key_rollups" ("grain", "minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code", "error_key", "count")
SELECT g."grain", m."minute" - (m."minute" % g."grain"), m."endpoint_id", m."api_key_fingerprint", m."service", m."environment", m."status_code", m."error_key", SUM(m."count")
FROM "error_key_minutes" m CROSS JOIN (SELECT 10 AS "grain" UNION ALL SELECT 60) g
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
