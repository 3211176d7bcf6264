-- CreateIndex
CREATE UNIQUE INDEX "partner_taxId_key" ON "partner"("taxId");
