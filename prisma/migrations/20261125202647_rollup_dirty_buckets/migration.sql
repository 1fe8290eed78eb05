-- CreateTable
CREATE TABLE "rollup_dirty_buckets" (
    "bucket_minute" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL,
    "changed_ms" BIGINT NOT NULL
);

