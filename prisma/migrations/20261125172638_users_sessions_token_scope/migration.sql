-- AlterTable
ALTER TABLE "requests" ADD COLUMN "extra_attributes" TEXT;

-- CreateTable
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" DATETIME
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL,
    CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "login_failures" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope_hash" TEXT NOT NULL,
    "at_ms" BIGINT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_tokens" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "can_write" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" DATETIME,
    "revoked_at" DATETIME
);
INSERT INTO "new_tokens" ("created_at", "id", "kind", "last_used_at", "name", "prefix", "revoked_at", "token_hash") SELECT "created_at", "id", "kind", "last_used_at", "name", "prefix", "revoked_at", "token_hash" FROM "tokens";
DROP TABLE "tokens";
ALTER TABLE "new_tokens" RENAME TO "tokens";
CREATE UNIQUE INDEX "tokens_name_key" ON "tokens"("name");
CREATE UNIQUE INDEX "tokens_token_hash_key" ON "tokens"("token_hash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE INDEX "login_failures_scope_hash_at_ms_idx" ON "login_failures"("scope_hash", "at_ms");

-- CreateIndex
CREATE INDEX "login_failures_at_ms_idx" ON "login_failures"("at_ms");


-- API tokens from before scopes (the bootstrap ones) could already change labels and rules.
UPDATE "tokens" SET "can_write" = 1 WHERE "kind" = 'api';
