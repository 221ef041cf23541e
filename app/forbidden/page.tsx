import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p>This area is for question authors. Ask an admin to give your account the author role.</p>
      <Link href="/" className="underline">
        Back to the home page
      </Link>
    </div>
  );
}
