-- AlterTable
ALTER TABLE "document" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "membership" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "demoExpiresAt" TIMESTAMP(3);

-- A demo cabinet past its end is removed whole, and a demo turned real loses its sample documents:
-- neither is a real Partner's legally significant record (docs/architecture.md, Demo).
CREATE FUNCTION demo_purgeable(partner uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM partner p WHERE p.id = partner AND p."demoExpiresAt" IS NOT NULL AND p."demoExpiresAt" < now())
$$;

CREATE OR REPLACE FUNCTION document_version_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF demo_purgeable(OLD."partnerId")
       OR EXISTS (SELECT 1 FROM document d WHERE d.id = OLD."documentId" AND d.sample) THEN
      RETURN OLD;
    END IF;
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

CREATE OR REPLACE FUNCTION document_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."sentAt" IS NOT NULL AND NOT OLD.sample AND NOT demo_purgeable(OLD."partnerId") THEN
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
