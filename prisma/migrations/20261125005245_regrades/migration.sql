-- CreateTable
CREATE TABLE "Regrade" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "fromHash" TEXT NOT NULL,
    "toHash" TEXT NOT NULL,
    "wasCorrect" BOOLEAN NOT NULL,
    "nowCorrect" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Regrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Regrade_attemptId_questionId_toHash_key" ON "Regrade"("attemptId", "questionId", "toHash");

-- AddForeignKey
ALTER TABLE "Regrade" ADD CONSTRAINT "Regrade_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

