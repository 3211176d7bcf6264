-- CreateEnum
CREATE TYPE "SuspiciousStatus" AS ENUM ('OPEN', 'REVIEWED');

-- CreateTable
CREATE TABLE "suspicious_activity" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "personId" UUID,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "status" "SuspiciousStatus" NOT NULL DEFAULT 'OPEN',
    "openKey" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "suspicious_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_block" (
    "personId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "findingId" UUID,
    "blockedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_block_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "suspicious_activity_openKey_key" ON "suspicious_activity"("openKey");

-- CreateIndex
CREATE INDEX "suspicious_activity_status_lastSeenAt_idx" ON "suspicious_activity"("status", "lastSeenAt");

-- CreateIndex
CREATE INDEX "suspicious_activity_rule_subjectKey_status_idx" ON "suspicious_activity"("rule", "subjectKey", "status");

-- AddForeignKey
ALTER TABLE "suspicious_activity" ADD CONSTRAINT "suspicious_activity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_block" ADD CONSTRAINT "person_block_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_block" ADD CONSTRAINT "person_block_blockedById_fkey" FOREIGN KEY ("blockedById") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
