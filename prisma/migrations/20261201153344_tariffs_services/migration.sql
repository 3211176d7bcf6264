-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('ONE_OFF', 'RECURRING');

-- CreateTable
CREATE TABLE "tariff" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionRu" TEXT NOT NULL,
    "descriptionKk" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "maxUsers" INTEGER NOT NULL,
    "storageMb" INTEGER NOT NULL,
    "requestsPerMonth" INTEGER NOT NULL,
    "includedServices" TEXT[],
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tariff_price" (
    "id" UUID NOT NULL,
    "tariffId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tariff_price_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "additional_service" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionRu" TEXT NOT NULL,
    "descriptionKk" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "availableInDemo" BOOLEAN NOT NULL DEFAULT false,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "additional_service_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tariff_slug_key" ON "tariff"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tariff_price_tariffId_effectiveFrom_key" ON "tariff_price"("tariffId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "additional_service_slug_key" ON "additional_service"("slug");

-- AddForeignKey
ALTER TABLE "tariff_price" ADD CONSTRAINT "tariff_price_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "tariff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
