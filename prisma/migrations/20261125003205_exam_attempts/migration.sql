-- CreateEnum
CREATE TYPE "AnswerEventKind" AS ENUM ('answer', 'flag');

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "correctCount" INTEGER,
ADD COLUMN     "passed" BOOLEAN,
ADD COLUMN     "scaledEstimate" INTEGER,
ADD COLUMN     "scorePercent" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "AttemptQuestion" (
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionHash" TEXT NOT NULL,
    "optionOrder" TEXT[],

    CONSTRAINT "AttemptQuestion_pkey" PRIMARY KEY ("attemptId","position")
);

-- CreateTable
CREATE TABLE "AnswerEvent" (
    "id" UUID NOT NULL,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "kind" "AnswerEventKind" NOT NULL,
    "selected" TEXT[],
    "flagged" BOOLEAN,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sequence" BIGSERIAL NOT NULL,

    CONSTRAINT "AnswerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AttemptQuestion_questionId_questionHash_idx" ON "AttemptQuestion"("questionId", "questionHash");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptQuestion_attemptId_questionId_key" ON "AttemptQuestion"("attemptId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerEvent_sequence_key" ON "AnswerEvent"("sequence");

-- CreateIndex
CREATE INDEX "AnswerEvent_attemptId_questionId_idx" ON "AnswerEvent"("attemptId", "questionId");

-- AddForeignKey
ALTER TABLE "AttemptQuestion" ADD CONSTRAINT "AttemptQuestion_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptQuestion" ADD CONSTRAINT "AttemptQuestion_questionId_questionHash_fkey" FOREIGN KEY ("questionId", "questionHash") REFERENCES "QuestionVersion"("questionId", "hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerEvent" ADD CONSTRAINT "AnswerEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

