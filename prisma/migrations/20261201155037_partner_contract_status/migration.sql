-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "contractDate" DATE,
ADD COLUMN     "contractNumber" TEXT,
ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "partner_status_change" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "fromStatus" "PartnerStatus" NOT NULL,
    "toStatus" "PartnerStatus" NOT NULL,
    "reason" TEXT,
    "operatorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partner_status_change_partnerId_createdAt_idx" ON "partner_status_change"("partnerId", "createdAt");

-- AddForeignKey
ALTER TABLE "partner_status_change" ADD CONSTRAINT "partner_status_change_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_status_change" ADD CONSTRAINT "partner_status_change_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
