import {
  ContentError,
  contentRoot,
  defaultContentDir,
  loadBank,
  readContentFiles,
} from "@/lib/content/load.server";
import { compileDrills, type Drill } from "./drill";

let cache: { drills: Drill[]; byId: Map<string, Drill> } | null = null;

/** The YAML drills of every track, compiled once per process. Throws on invalid drill files. */
export function loadDrills() {
  if (cache) return cache;
  const dir = defaultContentDir();
  const bank = loadBank(dir);
  const { drills, problems } = compileDrills(readContentFiles(dir), contentRoot(dir), (id) => {
    const track = bank.tracks.get(id);
    return track ? new Set(track.domains.map((d) => d.id)) : undefined;
  });
  if (problems.length > 0) throw new ContentError(problems);
  cache = { drills, byId: new Map(drills.map((d) => [d.id, d])) };
  return cache;
}
