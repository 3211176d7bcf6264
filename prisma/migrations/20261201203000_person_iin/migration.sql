-- The person's IIN, confirmed on their first ЭЦП signature (later certificates must carry it).
ALTER TABLE "person" ADD COLUMN "iin" TEXT;
CREATE UNIQUE INDEX "person_iin_key" ON "person"("iin");
ALTER TABLE "person" ADD CONSTRAINT "person_iin_digits" CHECK ("iin" IS NULL OR "iin" ~ '^[0-9]{12}$');
