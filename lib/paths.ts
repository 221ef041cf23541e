import type { Track } from "@/lib/content/types";

/** Certification paths: tracks that share `path.id`, in path order. Pure. */

export type CertificationPathView = {
  id: string;
  name: string;
  steps: Track[];
  /** Every step's exam tips once, in path order. */
  tips: string[];
};

export function certificationPaths(tracks: Iterable<Track>): CertificationPathView[] {
  const byId = new Map<string, Track[]>();
  for (const track of tracks) {
    const steps = byId.get(track.path.id) ?? [];
    steps.push(track);
    byId.set(track.path.id, steps);
  }
  return [...byId.entries()]
    .map(([id, steps]) => {
      steps.sort((a, b) => a.path.order - b.path.order || a.id.localeCompare(b.id));
      const tips = [...new Set(steps.flatMap((s) => s.path.examTips))];
      return { id, name: steps[0]?.path.name ?? id, steps, tips };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
