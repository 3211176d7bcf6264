-- CreateTable
CREATE TABLE "maintenance_window" (
    "id" UUID NOT NULL,
    "announceFrom" TIMESTAMP(3) NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "messageRu" TEXT,
    "messageKk" TEXT,
    "messageEn" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" UUID,

    CONSTRAINT "maintenance_window_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "maintenance_window_endsAt_idx" ON "maintenance_window"("endsAt");

-- CreateIndex
CREATE INDEX "audit_event_createdAt_id_idx" ON "audit_event"("createdAt", "id");
