-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('CABINET', 'DESK', 'ADMIN', 'SHARED');

-- CreateEnum
CREATE TYPE "StaffResponsibility" AS ENUM ('ACCOUNTING', 'LEGAL', 'HR', 'GENERAL');

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "activeCompanyId" UUID,
ADD COLUMN     "activePlace" "PlaceKind";

-- CreateTable
CREATE TABLE "staff_assignment" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "staffMemberId" UUID NOT NULL,
    "responsibility" "StaffResponsibility" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_grant" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "rights" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_assignment_staffMemberId_partnerId_idx" ON "staff_assignment"("staffMemberId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "staff_assignment_partnerId_staffMemberId_responsibility_key" ON "staff_assignment"("partnerId", "staffMemberId", "responsibility");

-- CreateIndex
CREATE INDEX "share_grant_personId_expiresAt_idx" ON "share_grant"("personId", "expiresAt");

-- CreateIndex
CREATE INDEX "share_grant_partnerId_idx" ON "share_grant"("partnerId");

-- AddForeignKey
ALTER TABLE "staff_assignment" ADD CONSTRAINT "staff_assignment_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_assignment" ADD CONSTRAINT "staff_assignment_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_grant" ADD CONSTRAINT "share_grant_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_grant" ADD CONSTRAINT "share_grant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
