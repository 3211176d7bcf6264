-- DropIndex
DROP INDEX "document_partnerId_direction_createdAt_idx";

-- CreateIndex
CREATE INDEX "document_partnerId_direction_createdAt_id_currentVersionId_idx" ON "document"("partnerId", "direction", "createdAt" DESC, "id" DESC, "currentVersionId");

-- CreateIndex
CREATE INDEX "document_version_id_scanStatus_uploadedById_idx" ON "document_version"("id", "scanStatus", "uploadedById");
