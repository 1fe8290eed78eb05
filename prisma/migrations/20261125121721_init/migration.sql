-- CreateTable
CREATE TABLE "requests" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "parent_span_id" TEXT,
    "span_name" TEXT NOT NULL,
    "start_ms" BIGINT NOT NULL,
    "duration_ms" REAL NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_class" TEXT NOT NULL,
    "error_type" TEXT,
    "error_key" TEXT,
    "error_body" TEXT,
    "api_key_fingerprint" TEXT NOT NULL,
    "auth_scheme" TEXT NOT NULL,
    "accept" TEXT,
    "retry_after" TEXT,
    "resend_count" INTEGER,
    "received_ms" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "request_error_keys" (
    "request_id" INTEGER NOT NULL,
    "error_key" TEXT NOT NULL,

    PRIMARY KEY ("request_id", "error_key"),
    CONSTRAINT "request_error_keys_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "request_minutes" (
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
);

-- CreateTable
CREATE TABLE "error_key_minutes" (
    "minute" INTEGER NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "api_key_fingerprint" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "error_key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("minute", "endpoint_id", "api_key_fingerprint", "service", "environment", "status_code", "error_key")
);

-- CreateTable
CREATE TABLE "endpoints" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "method" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "api_keys" (
    "fingerprint" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT,
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "ingest_minutes" (
    "minute" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "received" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "ignored" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "refused_requests" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ingest_rejections" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at_ms" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "spans" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "tokens" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" DATETIME,
    "revoked_at" DATETIME
);

-- CreateIndex
CREATE INDEX "requests_start_ms_idx" ON "requests"("start_ms");

-- CreateIndex
CREATE INDEX "requests_endpoint_id_start_ms_idx" ON "requests"("endpoint_id", "start_ms");

-- CreateIndex
CREATE INDEX "requests_api_key_fingerprint_start_ms_idx" ON "requests"("api_key_fingerprint", "start_ms");

-- CreateIndex
CREATE UNIQUE INDEX "requests_trace_id_span_id_key" ON "requests"("trace_id", "span_id");

-- CreateIndex
CREATE INDEX "request_error_keys_error_key_idx" ON "request_error_keys"("error_key");

-- CreateIndex
CREATE INDEX "error_key_minutes_error_key_idx" ON "error_key_minutes"("error_key");

-- CreateIndex
CREATE INDEX "ingest_rejections_at_ms_idx" ON "ingest_rejections"("at_ms");

-- CreateIndex
CREATE UNIQUE INDEX "tokens_name_key" ON "tokens"("name");

-- CreateIndex
CREATE UNIQUE INDEX "tokens_token_hash_key" ON "tokens"("token_hash");

