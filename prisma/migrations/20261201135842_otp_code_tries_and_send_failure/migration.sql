-- AlterTable
ALTER TABLE "otp_code" ADD COLUMN     "failedAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sendFailedAt" TIMESTAMP(3);
