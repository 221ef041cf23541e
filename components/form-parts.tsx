/** Pieces shared by the sign-in and sign-up forms. */

export function FormAlert({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </p>
  );
}

export function SubmitButton({
  pending,
  idle,
  busy,
}: {
  pending: boolean;
  idle: string;
  busy: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
    >
      {pending ? busy : idle}
    </button>
  );
}

export function Field({
  label,
  name,
  type,
  autoComplete,
  error,
  hint,
  defaultValue,
}: {
  label: string;
  name: string;
  type: string;
  autoComplete: string;
  error?: string | undefined;
  hint?: string;
  /** Kept after a server round trip (never for passwords). */
  defaultValue?: string;
}) {
  const describedBy = [error ? `${name}-error` : "", hint ? `${name}-hint` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
