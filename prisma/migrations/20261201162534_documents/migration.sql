-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('contracts', 'acts_invoices', 'tax_reports', 'hr', 'constituent', 'other');

-- CreateEnum
CREATE TYPE "DocumentDirection" AS ENUM ('INTERNAL', 'TO_OUTSOURCER', 'FROM_OUTSOURCER');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('DRAFT', 'SENT', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('NOT_SCANNED', 'PENDING', 'CLEAN', 'INFECTED');

-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "storageLimitMb" INTEGER NOT NULL DEFAULT 1024,
ADD COLUMN     "storageUsedBytes" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "document" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "category" "DocumentCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "periodStart" DATE,
    "periodEnd" DATE,
    "direction" "DocumentDirection" NOT NULL DEFAULT 'INTERNAL',
    "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID NOT NULL,
    "companyId" UUID,
    "sentById" UUID,
    "sentAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "currentVersionId" UUID,
    "versionCount" INTEGER NOT NULL DEFAULT 0,
    "search" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_version" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "scanStatus" "ScanStatus" NOT NULL DEFAULT 'NOT_SCANNED',
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_receipt" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_receipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_currentVersionId_key" ON "document"("currentVersionId");

-- CreateIndex
CREATE INDEX "document_partnerId_createdAt_id_idx" ON "document"("partnerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "document_partnerId_category_createdAt_idx" ON "document"("partnerId", "category", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "document_companyId_direction_sentAt_idx" ON "document"("companyId", "direction", "sentAt" DESC);

-- CreateIndex
CREATE INDEX "document_search_idx" ON "document" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "document_version_storageKey_key" ON "document_version"("storageKey");

-- CreateIndex
CREATE INDEX "document_version_partnerId_idx" ON "document_version"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "document_version_documentId_number_key" ON "document_version"("documentId", "number");

-- CreateIndex
CREATE INDEX "document_receipt_personId_idx" ON "document_receipt"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "document_receipt_documentId_personId_key" ON "document_receipt"("documentId", "personId");

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "outsourcing_company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "document_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_receipt" ADD CONSTRAINT "document_receipt_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_receipt" ADD CONSTRAINT "document_receipt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search over title, description and the current version's extracted text: Russian
-- stems plus the words as written (Kazakh has no stemmer in PostgreSQL).
CREATE FUNCTION document_search_vector(title text, description text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('russian', coalesce(title, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(title, '')), 'A')
      || setweight(to_tsvector('russian', coalesce(description, '')), 'B')
      || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
      || setweight(to_tsvector('russian', left(coalesce(body, ''), 200000)), 'C')
      || setweight(to_tsvector('simple', left(coalesce(body, ''), 200000)), 'C')
$$;

CREATE FUNCTION document_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := document_search_vector(
    NEW.title,
    NEW.description,
    (SELECT v.text FROM document_version v WHERE v.id = NEW."currentVersionId")
  );
  RETURN NEW;
END;
$$;

CREATE TRIGGER document_search_refresh
  BEFORE INSERT OR UPDATE OF title, description, "currentVersionId" ON document
  FOR EACH ROW EXECUTE FUNCTION document_search_refresh();

CREATE FUNCTION document_version_text_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document d
     SET search = document_search_vector(d.title, d.description, NEW.text)
   WHERE d."currentVersionId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER document_version_text_changed
  AFTER UPDATE OF text ON document_version
  FOR EACH ROW EXECUTE FUNCTION document_version_text_changed();

-- Legally significant (001 §3.7): a version's bytes, hash and authorship never change; versions of a
-- document that was ever sent are never removed, nor is the document; what a sent document says
-- about itself (title, category, period, direction, who sent it to whom and when) stays as sent.
CREATE FUNCTION document_version_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM document d WHERE d.id = OLD."documentId" AND d."sentAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'versions of a sent document are never removed';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW."partnerId" IS DISTINCT FROM OLD."partnerId"
     OR NEW."documentId" IS DISTINCT FROM OLD."documentId"
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW."storageKey" IS DISTINCT FROM OLD."storageKey"
     OR NEW."originalName" IS DISTINCT FROM OLD."originalName"
     OR NEW.mime IS DISTINCT FROM OLD.mime
     OR NEW.size IS DISTINCT FROM OLD.size
     OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW."uploadedById" IS DISTINCT FROM OLD."uploadedById"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'a document version is immutable';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER document_version_guard
  BEFORE UPDATE OR DELETE ON document_version
  FOR EACH ROW EXECUTE FUNCTION document_version_guard();

CREATE TRIGGER document_version_no_truncate
  BEFORE TRUNCATE ON document_version
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE FUNCTION document_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."sentAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a sent document is never removed';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."sentAt" IS NOT NULL AND (
       NEW."partnerId" IS DISTINCT FROM OLD."partnerId"
    OR NEW.category IS DISTINCT FROM OLD.category
    OR NEW.title IS DISTINCT FROM OLD.title
    OR NEW.description IS DISTINCT FROM OLD.description
    OR NEW."periodStart" IS DISTINCT FROM OLD."periodStart"
    OR NEW."periodEnd" IS DISTINCT FROM OLD."periodEnd"
    OR NEW.direction IS DISTINCT FROM OLD.direction
    OR NEW.status IS DISTINCT FROM OLD.status
    OR NEW."createdById" IS DISTINCT FROM OLD."createdById"
    OR NEW."companyId" IS DISTINCT FROM OLD."companyId"
    OR NEW."sentById" IS DISTINCT FROM OLD."sentById"
    OR NEW."sentAt" IS DISTINCT FROM OLD."sentAt"
    OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt") THEN
    RAISE EXCEPTION 'a sent document keeps what it was sent with';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER document_guard
  BEFORE UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION document_guard();

CREATE TRIGGER document_no_truncate
  BEFORE TRUNCATE ON document
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

-- Storage in use can never be negative.
ALTER TABLE partner ADD CONSTRAINT partner_storage_used_nonnegative CHECK ("storageUsedBytes" >= 0);
