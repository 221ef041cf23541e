-- The study plan: days counted in the candidate's time zone, and steps ticked off.
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
ALTER TABLE "StudyProfile" ADD COLUMN "doneSteps" TEXT[] DEFAULT ARRAY[]::TEXT[];
