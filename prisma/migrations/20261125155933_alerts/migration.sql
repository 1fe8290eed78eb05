-- CreateTable
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "muted_until_ms" BIGINT,
    "created_ms" BIGINT NOT NULL,
    "updated_ms" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "alert_instances" (
    "rule_id" TEXT NOT NULL,
    "instance_key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "episode" INTEGER NOT NULL DEFAULT 0,
    "pending_since_ms" BIGINT,
    "firing_since_ms" BIGINT,
    "resolved_at_ms" BIGINT,
    "last_notified_ms" BIGINT,
    "last_value" REAL,
    "last_requests" INTEGER,
    "last_evaluated_ms" BIGINT NOT NULL,

    PRIMARY KEY ("rule_id", "instance_key")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rule_id" TEXT NOT NULL,
    "instance_key" TEXT NOT NULL,
    "at_ms" BIGINT NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "value" REAL,
    "threshold" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rule_id" TEXT NOT NULL,
    "instance_key" TEXT NOT NULL,
    "episode" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_http_status" INTEGER,
    "last_error" TEXT,
    "next_attempt_ms" BIGINT,
    "created_ms" BIGINT NOT NULL,
    "updated_ms" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "leases" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expires_ms" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "alert_events_rule_id_at_ms_idx" ON "alert_events"("rule_id", "at_ms");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_next_attempt_ms_idx" ON "alert_deliveries"("status", "next_attempt_ms");

-- CreateIndex
CREATE INDEX "alert_deliveries_rule_id_created_ms_idx" ON "alert_deliveries"("rule_id", "created_ms");

