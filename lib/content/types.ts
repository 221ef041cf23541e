/**
 * Public types of the compiled question bank (issue 3).
 *
 * Everything here is plain data: the compiler returns deeply frozen objects, so treat them as
 * read-only. HTML fields are already sanitised and syntax-highlighted at compile time.
 */

export type QuestionType = "single" | "multiple";
export type Difficulty = "easy" | "medium" | "hard";
export type Blueprint = "domains" | "curriculum";
export type PassingScale = "percent" | "scaled";

/** A link to an official documentation page. */
export interface DocLink {
  readonly title: string;
  readonly url: string;
}

/** A study domain or an official curriculum grouping of a track. */
export interface DomainInfo {
  readonly id: string;
  readonly title: string;
  /** Exam weight in percent; `null` when the track does not sample by this grouping. */
  readonly weight: number | null;
  readonly docs: readonly DocLink[];
  /** Study notes, rendered from markdown. */
  readonly notesHtml: string;
}

/** One competency of the official curriculum (CBA: DW1 … CU4). */
export interface Competency {
  readonly id: string;
  readonly title: string;
  /** The curriculum grouping it belongs to. */
  readonly curriculum: string;
}

export interface PassingScore {
  readonly score: number;
  /** `percent`: 0-100. `scaled`: 100-1000 (AWS). */
  readonly scale: PassingScale;
  /** Lowest and highest value of the scale (0/100 or 100/1000). */
  readonly min: number;
  readonly max: number;
  /** Caveat shown with the score, e.g. that AWS publishes no raw-to-scaled conversion. */
  readonly note: string | null;
}

export interface CertificationPath {
  /** Slug of the path (its page is /paths/<id>); tracks sharing it form one path. */
  readonly id: string;
  /** Name of the certification path the exam belongs to. */
  readonly name: string;
  /** 1-based position in that path. */
  readonly order: number;
  readonly recommendedExperience: string;
  readonly typicalPrep: string;
  readonly prerequisites: readonly string[];
  readonly examTips: readonly string[];
  /** What this step is about and what changes from the previous one, or `null`. */
  readonly focus: string | null;
}

/** Everything content/<track>/track.yaml says about an exam. */
export interface Track {
  readonly id: string;
  readonly title: string;
  readonly vendor: string;
  readonly examCode: string;
  readonly officialUrl: string;
  /** Prefix of question ids, e.g. `cba` → `cba-catalog-001`. */
  readonly idPrefix: string;
  /** Items on the real exam, scored + unscored. */
  readonly questionCount: number;
  /** Unscored (pretest) items among `questionCount`. */
  readonly unscoredCount: number;
  readonly durationMinutes: number;
  readonly passing: PassingScore;
  readonly questionTypes: readonly QuestionType[];
  /** Exact option count of `single` questions on this track, or `null` for the format's 3-5. */
  readonly singleOptionCount: number | null;
  /** Whether a partly correct `multiple` answer earns anything (false for AWS and CBA). */
  readonly partialCredit: boolean;
  readonly delivery: string | null;
  readonly validityYears: number | null;
  readonly retakePolicy: string | null;
  /** Study domains; question files live in content/<track>/<domain>/. */
  readonly domains: readonly DomainInfo[];
  /** Official curriculum groupings (CBA); empty when the track has none (AWS). */
  readonly curriculum: readonly DomainInfo[];
  /**
   * Official competencies (CBA), in the order the curriculum lists them; empty when the track
   * has none. On a track with competencies, mock exams sample on-list questions only.
   */
  readonly competencies: readonly Competency[];
  /** Which grouping mock exams sample by. */
  readonly blueprint: Blueprint;
  readonly path: CertificationPath;
  /** Repo-relative path of the track.yaml. */
  readonly file: string;
}

export type OptionKey = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J";

/** Every option key, in authored order: the key of the option at index i is OPTION_KEYS[i]. */
export const OPTION_KEYS: readonly OptionKey[] = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

export interface QuestionOption {
  /** Letter by authored order; the app shuffles options per attempt. */
  readonly key: OptionKey;
  /** Option text rendered as inline HTML. */
  readonly html: string;
  /** Option text as plain text (no markup). */
  readonly text: string;
  readonly correct: boolean;
  /** One-line rationale rendered as inline HTML, or `null` when the author gave none. */
  readonly rationaleHtml: string | null;
}

export interface Question {
  readonly id: string;
  readonly trackId: string;
  readonly domain: string;
  /** Curriculum grouping id (CBA), `null` on tracks without a curriculum. */
  readonly curriculum: string | null;
  /**
   * Official competency id, `beyond` for study material off the official list, or `null` on
   * tracks without competencies.
   */
  readonly competency: string | null;
  readonly type: QuestionType;
  readonly difficulty: Difficulty;
  readonly tags: readonly string[];
  readonly sources: readonly string[];
  readonly stemHtml: string;
  readonly options: readonly QuestionOption[];
  readonly correctKeys: readonly OptionKey[];
  /** How many options a candidate must pick (1 for `single`). */
  readonly chooseCount: number;
  readonly explanationHtml: string;
  /**
   * sha256 (hex) over a canonical form of what a candidate sees or how it is graded: id, type,
   * stem, option texts in order, which options are correct, rationales and explanation (markdown
   * source, whitespace-normalised). Metadata (tags, sources, difficulty, domain) is excluded.
   */
  readonly hash: string;
  /** Repo-relative path of the question file. */
  readonly file: string;
}

export interface Bank {
  readonly tracks: ReadonlyMap<string, Track>;
  /** All questions, sorted by track id then question id. */
  readonly questions: readonly Question[];
  readonly byId: ReadonlyMap<string, Question>;
  /** Questions of one track (empty for an unknown track). */
  questionsOf(trackId: string): readonly Question[];
}

/** One content problem: repo-relative file, 1-based line, plain message. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export type CompileResult =
  | { readonly ok: true; readonly bank: Bank }
  | { readonly ok: false; readonly problems: readonly Problem[] };
