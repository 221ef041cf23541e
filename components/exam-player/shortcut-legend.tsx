import { MAX_DIGIT_OPTION, OPTION_LETTER_KEYS, optionLetter } from "@/lib/exam/player";

function Key({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-[0.7rem] text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </kbd>
  );
}

/** The keyboard shortcuts, under the question; hidden on touch screens, which have no keys. */
export function ShortcutLegend({
  optionCount,
  check = false,
}: {
  optionCount: number;
  /** Practice and drills: Enter checks the answer. */
  check?: boolean;
}) {
  const digits = Math.min(optionCount, MAX_DIGIT_OPTION);
  const letters = Math.min(optionCount, OPTION_LETTER_KEYS.length);
  return (
    <section
      aria-labelledby="shortcuts-title"
      className="rounded-md border border-slate-200 p-3 text-xs text-slate-600 pointer-coarse:hidden dark:border-slate-800 dark:text-slate-400"
    >
      <h2 id="shortcuts-title" className="mb-1.5 font-semibold text-slate-700 dark:text-slate-300">
        Keyboard shortcuts
      </h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {digits > 0 && (
          <li>
            <Key>1</Key>–<Key>{String(digits)}</Key> or <Key>A</Key>–
            <Key>{optionLetter(letters - 1)}</Key> choose an option
          </li>
        )}
        <li>
          <Key>N</Key> or <Key>→</Key> next
        </li>
        <li>
          <Key>P</Key> or <Key>←</Key> previous
        </li>
        <li>
          <Key>F</Key> flag for review
        </li>
        {check && (
          <li>
            <Key>Enter</Key> check the answer
          </li>
        )}
      </ul>
    </section>
  );
}
