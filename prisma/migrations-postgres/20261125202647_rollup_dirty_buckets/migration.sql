-- CreateTable
CREATE TABLE "rollup_dirty_buckets" (
    "bucket_minute" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_ms" BIGINT NOT NULL,

    CONSTRAINT "rollup_dirty_buckets_pkey" PRIMARY KEY ("bucket_minute")
);

