-- CreateEnum
CREATE TYPE "RequestCategory" AS ENUM ('accounting', 'tax_reporting', 'payroll_hr', 'legal', 'other');

-- CreateEnum
CREATE TYPE "RequestPriority" AS ENUM ('normal', 'urgent');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'WAITING_PARTNER', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RequestSide" AS ENUM ('PARTNER', 'OUTSOURCER');

-- CreateTable
CREATE TABLE "request" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "companyId" UUID,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "category" "RequestCategory" NOT NULL,
    "priority" "RequestPriority" NOT NULL DEFAULT 'normal',
    "subject" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'NEW',
    "authorId" UUID NOT NULL,
    "assigneeId" UUID,
    "linkedFromId" UUID,
    "firstResponseDueAt" TIMESTAMP(3),
    "firstRespondedAt" TIMESTAMP(3),
    "resolutionTargetMs" BIGINT NOT NULL,
    "consumedMs" BIGINT NOT NULL DEFAULT 0,
    "clockStartedAt" TIMESTAMP(3),
    "resolutionDueAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "dueSoonNotifiedAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_counter" (
    "partnerId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "request_counter_pkey" PRIMARY KEY ("partnerId","year")
);

-- CreateTable
CREATE TABLE "request_message" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "side" "RequestSide" NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_attachment" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_note" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_status_change" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus" NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_read" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "lastReadAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_read_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_sla_target" (
    "category" "RequestCategory" NOT NULL,
    "priority" "RequestPriority" NOT NULL,
    "firstResponseHours" INTEGER NOT NULL,
    "resolutionHours" INTEGER NOT NULL,

    CONSTRAINT "request_sla_target_pkey" PRIMARY KEY ("category","priority")
);

-- CreateIndex
CREATE INDEX "request_partnerId_createdAt_id_idx" ON "request"("partnerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "request_companyId_status_dueAt_idx" ON "request"("companyId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "request_assigneeId_status_idx" ON "request"("assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "request_partnerId_year_seq_key" ON "request"("partnerId", "year", "seq");

-- CreateIndex
CREATE INDEX "request_message_requestId_createdAt_id_idx" ON "request_message"("requestId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "request_attachment_partnerId_idx" ON "request_attachment"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "request_attachment_messageId_documentId_key" ON "request_attachment"("messageId", "documentId");

-- CreateIndex
CREATE INDEX "request_note_requestId_createdAt_idx" ON "request_note"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "request_status_change_requestId_createdAt_idx" ON "request_status_change"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "request_read_personId_idx" ON "request_read"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "request_read_requestId_personId_key" ON "request_read"("requestId", "personId");

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "staff_member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_linkedFromId_fkey" FOREIGN KEY ("linkedFromId") REFERENCES "request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_message" ADD CONSTRAINT "request_message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_message" ADD CONSTRAINT "request_message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "request_message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "document_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_status_change" ADD CONSTRAINT "request_status_change_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_read" ADD CONSTRAINT "request_read_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Legally significant (REQ-3, 001 §3.7): a sent message and its attachments are never edited or
-- deleted, whatever the client does.
CREATE FUNCTION request_message_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a sent message is never edited or deleted', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER request_message_no_update_delete
  BEFORE UPDATE OR DELETE ON request_message
  FOR EACH ROW EXECUTE FUNCTION request_message_append_only();
CREATE TRIGGER request_message_no_truncate
  BEFORE TRUNCATE ON request_message
  FOR EACH STATEMENT EXECUTE FUNCTION request_message_append_only();
CREATE TRIGGER request_attachment_no_update_delete
  BEFORE UPDATE OR DELETE ON request_attachment
  FOR EACH ROW EXECUTE FUNCTION request_message_append_only();
CREATE TRIGGER request_attachment_no_truncate
  BEFORE TRUNCATE ON request_attachment
  FOR EACH STATEMENT EXECUTE FUNCTION request_message_append_only();

-- Default targets in working hours (editable rows).
INSERT INTO request_sla_target (category, priority, "firstResponseHours", "resolutionHours") VALUES
  ('accounting', 'normal', 8, 40), ('accounting', 'urgent', 2, 16),
  ('tax_reporting', 'normal', 8, 40), ('tax_reporting', 'urgent', 2, 16),
  ('payroll_hr', 'normal', 8, 40), ('payroll_hr', 'urgent', 2, 16),
  ('legal', 'normal', 8, 56), ('legal', 'urgent', 4, 24),
  ('other', 'normal', 8, 40), ('other', 'urgent', 2, 16);
