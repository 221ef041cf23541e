import { ContentError, loadBank } from "@/lib/content/load.server";

/**
 * The app refuses to start on an invalid question bank or, in production, without
 * NEXTAUTH_SECRET, however it was launched (npm start, next start, a container).
 */
export function runStartupChecks(): void {
  try {
    loadBank();
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`\nThe question bank is invalid; the app will not start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (
    process.env.NODE_ENV === "production" &&
    !process.env.NEXTAUTH_SECRET &&
    !process.env.AUTH_SECRET
  ) {
    console.error("\nNEXTAUTH_SECRET must be set in production; the app will not start.\n");
    process.exit(1);
  }
}
