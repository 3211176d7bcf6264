-- AlterTable
ALTER TABLE "share_grant" ADD COLUMN     "allowDownload" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "organisationBin" TEXT,
ADD COLUMN     "organisationName" TEXT,
ADD COLUMN     "revokedById" UUID,
ADD COLUMN     "watermark" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "share_grant_document" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_grant_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_comment" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "side" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_decision" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "share_grant_document_documentId_idx" ON "share_grant_document"("documentId");

-- CreateIndex
CREATE INDEX "share_grant_document_partnerId_idx" ON "share_grant_document"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "share_grant_document_grantId_documentId_key" ON "share_grant_document"("grantId", "documentId");

-- CreateIndex
CREATE INDEX "share_comment_documentId_createdAt_idx" ON "share_comment"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "share_comment_partnerId_idx" ON "share_comment"("partnerId");

-- CreateIndex
CREATE INDEX "share_decision_documentId_createdAt_idx" ON "share_decision"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "share_decision_partnerId_idx" ON "share_decision"("partnerId");

-- AddForeignKey
ALTER TABLE "share_grant_document" ADD CONSTRAINT "share_grant_document_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "share_grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_grant_document" ADD CONSTRAINT "share_grant_document_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Comments and decisions on shared documents are immutable once made (DOC-4).
CREATE FUNCTION share_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END;
$$;

CREATE TRIGGER share_comment_immutable BEFORE UPDATE OR DELETE ON "share_comment"
  FOR EACH ROW EXECUTE FUNCTION share_record_immutable();
CREATE TRIGGER share_comment_no_truncate BEFORE TRUNCATE ON "share_comment"
  FOR EACH STATEMENT EXECUTE FUNCTION share_record_immutable();
CREATE TRIGGER share_decision_immutable BEFORE UPDATE OR DELETE ON "share_decision"
  FOR EACH ROW EXECUTE FUNCTION share_record_immutable();
CREATE TRIGGER share_decision_no_truncate BEFORE TRUNCATE ON "share_decision"
  FOR EACH STATEMENT EXECUTE FUNCTION share_record_immutable();
