-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "partnerId" UUID,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_personId_createdAt_idx" ON "notification"("personId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "notification_personId_readAt_idx" ON "notification"("personId", "readAt");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
