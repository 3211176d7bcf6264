-- AlterTable
ALTER TABLE "request" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;

-- Demo cabinets made before this migration: their sample requests are the two made with the cabinet.
UPDATE "request" r SET "sample" = true
FROM "partner" p
WHERE p.id = r."partnerId" AND p."demoExpiresAt" IS NOT NULL
  AND r.subject IN ('Расчёт зарплаты за ноябрь', 'Срок сдачи формы 910')
  AND r."createdAt" <= p."createdAt" + interval '1 minute';

-- A demo turned real loses its sample data (docs/architecture.md, Demo cabinets): the sample requests
-- with their messages, and the sample documents with what points at them (their attachments to the
-- visitor's own messages, comments and decisions on them). Everything else stays append-only; a demo
-- cabinet past its end is still purged whole.
CREATE OR REPLACE FUNCTION request_message_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' THEN
    IF demo_purgeable(OLD."partnerId") THEN
      RETURN OLD;
    END IF;
    -- Nested: a record of one table has no fields of the other, and plpgsql may evaluate both sides of AND.
    IF TG_TABLE_NAME = 'request_message' THEN
      IF EXISTS (SELECT 1 FROM request r WHERE r.id = OLD."requestId" AND r.sample) THEN
        RETURN OLD;
      END IF;
    ELSIF TG_TABLE_NAME = 'request_attachment' THEN
      IF EXISTS (SELECT 1 FROM document d WHERE d.id = OLD."documentId" AND d.sample)
         OR EXISTS (SELECT 1 FROM request_message m JOIN request r ON r.id = m."requestId"
                    WHERE m.id = OLD."messageId" AND r.sample) THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: a sent message is never edited or deleted', TG_TABLE_NAME;
END;
$$;

CREATE OR REPLACE FUNCTION share_record_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND (
       demo_purgeable(OLD."partnerId")
    OR EXISTS (SELECT 1 FROM document d WHERE d.id = OLD."documentId" AND d.sample)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END;
$$;
