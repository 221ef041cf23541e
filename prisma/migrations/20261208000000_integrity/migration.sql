-- DropIndex
DROP INDEX "Regrade_attemptId_questionId_toHash_key";

-- AlterTable
ALTER TABLE "AttemptQuestion" ADD COLUMN     "answered" BOOLEAN,
ADD COLUMN     "correct" BOOLEAN,
ADD COLUMN     "gradedHash" TEXT,
ADD COLUMN     "respondedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "QuestionVersion" ADD COLUMN     "optionHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Regrade_attemptId_questionId_idx" ON "Regrade"("attemptId", "questionId");
