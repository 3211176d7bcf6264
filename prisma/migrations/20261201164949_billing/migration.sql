-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'CANCELLED');

-- AlterTable
ALTER TABLE "outsourcing_company" ADD COLUMN     "address" TEXT,
ADD COLUMN     "bankName" TEXT,
ADD COLUMN     "bik" TEXT,
ADD COLUMN     "bin" TEXT,
ADD COLUMN     "iik" TEXT,
ADD COLUMN     "kbe" TEXT,
ADD COLUMN     "vatRate" INTEGER;

-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "tariffId" UUID;

-- AlterTable
ALTER TABLE "tariff" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "tariff_change" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "fromTariffId" UUID,
    "toTariffId" UUID NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "requestedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tariff_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_order" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "orderedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supplier" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "knp" TEXT NOT NULL,
    "vatRate" INTEGER,
    "totalTiyn" INTEGER NOT NULL,
    "vatTiyn" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "statusById" UUID,
    "cancelReason" TEXT,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceTiyn" INTEGER NOT NULL,
    "amountTiyn" INTEGER NOT NULL,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_counter" (
    "companyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("companyId","year")
);

-- CreateIndex
CREATE INDEX "tariff_change_partnerId_effectiveFrom_idx" ON "tariff_change"("partnerId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "service_order_invoiceId_key" ON "service_order"("invoiceId");

-- CreateIndex
CREATE INDEX "service_order_partnerId_createdAt_idx" ON "service_order"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "invoice_partnerId_issuedAt_idx" ON "invoice"("partnerId", "issuedAt");

-- CreateIndex
CREATE INDEX "invoice_status_issuedAt_idx" ON "invoice"("status", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_companyId_year_seq_key" ON "invoice"("companyId", "year", "seq");

-- CreateIndex
CREATE INDEX "invoice_line_partnerId_idx" ON "invoice_line"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_line_invoiceId_position_key" ON "invoice_line"("invoiceId", "position");

-- AddForeignKey
ALTER TABLE "partner" ADD CONSTRAINT "partner_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "tariff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tariff_change" ADD CONSTRAINT "tariff_change_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tariff_change" ADD CONSTRAINT "tariff_change_fromTariffId_fkey" FOREIGN KEY ("fromTariffId") REFERENCES "tariff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tariff_change" ADD CONSTRAINT "tariff_change_toTariffId_fkey" FOREIGN KEY ("toTariffId") REFERENCES "tariff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "additional_service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "outsourcing_company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_counter" ADD CONSTRAINT "invoice_counter_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "outsourcing_company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
