-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "environment" TEXT;

-- CreateIndex
CREATE INDEX "requests_status_code_start_ms_idx" ON "requests"("status_code", "start_ms");

