-- CreateTable
CREATE TABLE "signature_route" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "ordering" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "shortId" TEXT NOT NULL,
    "documentTitle" TEXT NOT NULL,
    "partnerName" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "signature_route_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signature_route_step" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "routeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "personId" UUID NOT NULL,
    "side" TEXT NOT NULL,
    "grantId" UUID,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "codeId" UUID,

    CONSTRAINT "signature_route_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signature" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "routeId" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "signerName" TEXT NOT NULL,
    "organisationName" TEXT,
    "organisationBin" TEXT,
    "method" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "iin" TEXT,
    "bin" TEXT,
    "cms" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "signature_route_shortId_key" ON "signature_route"("shortId");

-- CreateIndex
CREATE INDEX "signature_route_documentId_createdAt_idx" ON "signature_route"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "signature_route_partnerId_idx" ON "signature_route"("partnerId");

-- CreateIndex
CREATE INDEX "signature_route_sha256_idx" ON "signature_route"("sha256");

-- CreateIndex
CREATE INDEX "signature_route_step_personId_status_idx" ON "signature_route_step"("personId", "status");

-- CreateIndex
CREATE INDEX "signature_route_step_partnerId_idx" ON "signature_route_step"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "signature_route_step_routeId_position_key" ON "signature_route_step"("routeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "signature_stepId_key" ON "signature"("stepId");

-- CreateIndex
CREATE INDEX "signature_versionId_idx" ON "signature"("versionId");

-- CreateIndex
CREATE INDEX "signature_sha256_idx" ON "signature"("sha256");

-- CreateIndex
CREATE INDEX "signature_partnerId_idx" ON "signature"("partnerId");

-- AddForeignKey
ALTER TABLE "signature_route_step" ADD CONSTRAINT "signature_route_step_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "signature_route"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The values the app writes, held by the database too.
ALTER TABLE "signature_route" ADD CONSTRAINT "signature_route_values" CHECK (
  "purpose" IN ('APPROVAL', 'SIGNATURE') AND "ordering" IN ('SEQUENTIAL', 'PARALLEL')
  AND "status" IN ('ACTIVE', 'COMPLETED', 'DECLINED', 'EXPIRED') AND "sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "signature_route_step" ADD CONSTRAINT "signature_route_step_values" CHECK (
  "side" IN ('member', 'staff', 'counterparty') AND "status" IN ('WAITING', 'APPROVED', 'SIGNED', 'DECLINED')
  AND ("status" <> 'DECLINED' OR "reason" IS NOT NULL));
ALTER TABLE "signature" ADD CONSTRAINT "signature_values" CHECK ("method" IN ('SMS', 'ECP') AND "sha256" ~ '^[0-9a-f]{64}$');

-- Signatures are legally significant: never updated or removed (DOC-5), except when a demo cabinet
-- past its end is purged whole (docs/architecture.md, Demo cabinets).
CREATE FUNCTION signature_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND demo_purgeable(OLD."partnerId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is immutable: a signature is never changed or removed', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END;
$$;
CREATE TRIGGER signature_immutable BEFORE UPDATE OR DELETE ON "signature"
  FOR EACH ROW EXECUTE FUNCTION signature_immutable();
CREATE TRIGGER signature_no_truncate BEFORE TRUNCATE ON "signature"
  FOR EACH STATEMENT EXECUTE FUNCTION signature_immutable();

-- A route keeps what was sent (document, version, hash, people, order, deadline): only its status
-- moves, once, from ACTIVE to its end. Never removed but with its demo cabinet.
CREATE FUNCTION signature_route_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF TG_LEVEL = 'ROW' AND demo_purgeable(OLD."partnerId") THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION '% rows are never removed', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION '% rows are never removed', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
  END IF;
  IF TG_TABLE_NAME = 'signature_route' THEN
    IF (NEW.id, NEW."partnerId", NEW."documentId", NEW."versionId", NEW.sha256, NEW.purpose, NEW.ordering,
        NEW.deadline, NEW."shortId", NEW."documentTitle", NEW."partnerName", NEW."createdById", NEW."createdAt")
       IS DISTINCT FROM
       (OLD.id, OLD."partnerId", OLD."documentId", OLD."versionId", OLD.sha256, OLD.purpose, OLD.ordering,
        OLD.deadline, OLD."shortId", OLD."documentTitle", OLD."partnerName", OLD."createdById", OLD."createdAt")
       OR (NEW.status IS DISTINCT FROM OLD.status AND OLD.status <> 'ACTIVE')
       OR (NEW."finishedAt" IS DISTINCT FROM OLD."finishedAt" AND OLD."finishedAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'a signature route keeps what was sent; only its status ends once' USING ERRCODE = 'raise_exception';
    END IF;
  ELSE
    IF (NEW.id, NEW."partnerId", NEW."routeId", NEW.position, NEW."personId", NEW.side, NEW."grantId")
       IS DISTINCT FROM (OLD.id, OLD."partnerId", OLD."routeId", OLD.position, OLD."personId", OLD.side, OLD."grantId")
       OR (OLD.status <> 'WAITING' AND (NEW.status, NEW.reason, NEW."decidedAt", NEW."codeId")
           IS DISTINCT FROM (OLD.status, OLD.reason, OLD."decidedAt", OLD."codeId")) THEN
      RAISE EXCEPTION 'a route step keeps its person and place, and its outcome once set' USING ERRCODE = 'raise_exception';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER signature_route_guard BEFORE UPDATE OR DELETE ON "signature_route"
  FOR EACH ROW EXECUTE FUNCTION signature_route_guard();
CREATE TRIGGER signature_route_no_truncate BEFORE TRUNCATE ON "signature_route"
  FOR EACH STATEMENT EXECUTE FUNCTION signature_route_guard();
CREATE TRIGGER signature_route_step_guard BEFORE UPDATE OR DELETE ON "signature_route_step"
  FOR EACH ROW EXECUTE FUNCTION signature_route_guard();
CREATE TRIGGER signature_route_step_no_truncate BEFORE TRUNCATE ON "signature_route_step"
  FOR EACH STATEMENT EXECUTE FUNCTION signature_route_guard();

-- A version under a live route, or signed by a completed signature route, stays the document's
-- current version: no new version replaces it (the app refuses first, with a message).
CREATE FUNCTION document_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."currentVersionId" IS DISTINCT FROM OLD."currentVersionId" AND OLD."currentVersionId" IS NOT NULL
     AND NOT demo_purgeable(OLD."partnerId")
     AND EXISTS (SELECT 1 FROM signature_route r
                  WHERE r."documentId" = OLD.id AND r."versionId" = OLD."currentVersionId"
                    AND (r.status = 'ACTIVE' OR (r.status = 'COMPLETED' AND r.purpose = 'SIGNATURE'))) THEN
    RAISE EXCEPTION 'the document''s version is under signature and cannot be replaced' USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER document_version_frozen BEFORE UPDATE OF "currentVersionId" ON "document"
  FOR EACH ROW EXECUTE FUNCTION document_version_frozen();
