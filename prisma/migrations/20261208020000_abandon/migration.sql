-- A candidate can discard an open attempt: it stays in history, marked abandoned.
ALTER TYPE "AttemptStatus" ADD VALUE 'abandoned';
