/** One label/value pair inside a <dl>. */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
