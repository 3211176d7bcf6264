-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'CANCELLED');

-- DropIndex
DROP INDEX "audit_event_partnerId_createdAt_idx";

-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "bankName" TEXT,
ADD COLUMN     "bik" TEXT,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "headName" TEXT,
ADD COLUMN     "headPosition" TEXT,
ADD COLUMN     "iban" TEXT,
ADD COLUMN     "legalAddress" TEXT,
ADD COLUMN     "postalAddress" TEXT,
ADD COLUMN     "userLimit" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "invitation" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "email" TEXT,
    "role" "MemberRole" NOT NULL,
    "rights" JSONB NOT NULL DEFAULT '{}',
    "documentCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSentAt" TIMESTAMP(3) NOT NULL,
    "sendCount" INTEGER NOT NULL DEFAULT 1,
    "acceptedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invitation_partnerId_status_idx" ON "invitation"("partnerId", "status");

-- CreateIndex
CREATE INDEX "invitation_phone_status_idx" ON "invitation"("phone", "status");

-- CreateIndex
CREATE INDEX "audit_event_partnerId_createdAt_id_idx" ON "audit_event"("partnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "audit_event_partnerId_actorPersonId_createdAt_id_idx" ON "audit_event"("partnerId", "actorPersonId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "audit_event_partnerId_action_createdAt_id_idx" ON "audit_event"("partnerId", "action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "audit_event_partnerId_targetType_createdAt_id_idx" ON "audit_event"("partnerId", "targetType", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
