import type { Track } from "@/lib/content/types";

/** Display helpers for track facts. Pure. */

export function passingLabel(track: Track): string {
  return track.passing.scale === "percent"
    ? `${track.passing.score}%`
    : `${track.passing.score} / ${track.passing.max}`;
}

export function questionCountLabel(track: Track): string {
  const scored = track.questionCount - track.unscoredCount;
  return track.unscoredCount > 0
    ? `${track.questionCount} (${scored} scored + ${track.unscoredCount} unscored)`
    : `${track.questionCount}`;
}

export function questionTypesLabel(track: Track): string {
  return track.questionTypes
    .map((t) => (t === "single" ? "multiple choice (one answer)" : "multiple response"))
    .join(", ");
}

/** Tracks in display order: by certification path, then by position in it. */
export function orderedTracks(tracks: Iterable<Track>): Track[] {
  return [...tracks].sort(
    (a, b) => a.path.name.localeCompare(b.path.name) || a.path.order - b.path.order,
  );
}
