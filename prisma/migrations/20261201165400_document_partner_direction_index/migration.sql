-- CreateIndex
CREATE INDEX "document_partnerId_direction_createdAt_idx" ON "document"("partnerId", "direction", "createdAt" DESC);
