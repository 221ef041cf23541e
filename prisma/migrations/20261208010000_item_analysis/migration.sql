-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('wrong_key', 'multiple_correct', 'outdated', 'unclear', 'typo', 'other');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('open', 'accepted', 'fixed', 'declined');

-- CreateTable
CREATE TABLE "QuestionReport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionHash" TEXT NOT NULL,
    "category" "ReportCategory" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "ReportStatus" NOT NULL DEFAULT 'open',
    "openSlot" BOOLEAN DEFAULT true,
    "authorNote" TEXT,
    "fixedInHash" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionReport_userId_questionId_questionHash_openSlot_key" ON "QuestionReport"("userId", "questionId", "questionHash", "openSlot");

-- CreateIndex
CREATE INDEX "QuestionReport_questionId_status_idx" ON "QuestionReport"("questionId", "status");

-- CreateIndex
CREATE INDEX "QuestionReport_status_updatedAt_idx" ON "QuestionReport"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "QuestionReport_userId_updatedAt_idx" ON "QuestionReport"("userId", "updatedAt");

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_questionId_questionHash_fkey" FOREIGN KEY ("questionId", "questionHash") REFERENCES "QuestionVersion"("questionId", "hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ItemResponse" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "questionHash" TEXT NOT NULL,
    "gradedAt" TIMESTAMP(3) NOT NULL,
    "ord" BIGINT NOT NULL,
    "selected" TEXT[],
    "correct" BOOLEAN NOT NULL,
    "rest" DOUBLE PRECISION,
    "timeMs" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL,

    CONSTRAINT "ItemResponse_pkey" PRIMARY KEY ("attemptId","questionId")
);

-- CreateIndex
CREATE INDEX "ItemResponse_trackId_idx" ON "ItemResponse"("trackId");

-- AddForeignKey
ALTER TABLE "ItemResponse" ADD CONSTRAINT "ItemResponse_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
