/**
 * Starting and stopping the pieces of the no-Docker topology (scripts/cluster.ts and
 * bench/failover.bench.ts use them): app replicas (`npm start` each, on its own port), nginx in
 * front, and optionally PgBouncer.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { nginxConfig, type PgBouncerOptions, pgbouncerConfig } from "./topology";

const ROOT = path.resolve(import.meta.dirname, "..");

export type Replica = {
  name: string;
  port: number;
  /** The `tsx scripts/run.ts start` process; its child is the Next.js server. */
  process: ChildProcess;
  exited: Promise<number | null>;
};

export type ReplicaOptions = {
  name: string;
  port: number;
  env: Record<string, string | undefined>;
  /** Each output line, prefixed by the caller as it likes (default: dropped). */
  onLine?: (line: string) => void;
};

export function startReplica({ name, port, env, onLine }: ReplicaOptions): Replica {
  const child = spawn(
    process.execPath,
    // tsx as a loader, not its CLI: the CLI relays SIGTERM through a 30 ms handshake and, when
    // that runs late on a loaded machine, SIGKILLs the process that should drain.
    ["--import", "tsx", "scripts/run.ts", "start"],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine?.(line);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { name, port, process: child, exited };
}

/** Every descendant pid of `pid` (from /proc), deepest last. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift() as number;
    for (const c of children.get(next) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** The replica's Next.js server process (the one that owns the port), if it runs. */
export function serverPid(replica: Replica): number | undefined {
  const pid = replica.process.pid;
  if (pid === undefined) return undefined;
  return descendants(pid).find((p) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, "utf8");
      return cmd.startsWith("next-server") || cmd.includes("next/dist/bin/next");
    } catch {
      return false;
    }
  });
}

/** Polls `url` until it answers 200, or throws after `timeoutMs`. */
export async function waitFor200(url: string, timeoutMs: number, exited?: Promise<unknown>) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${url}: the process exited before it was ready`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2000);
    try {
      const res = await fetch(url, { signal: controller.signal });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not up yet
    } finally {
      clearTimeout(timer);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Stops a replica the way an orchestrator does: SIGTERM, SIGKILL after `graceMs`. */
export async function stopReplica(replica: Replica, graceMs = 15_000) {
  if (replica.process.exitCode !== null || replica.process.signalCode !== null) return;
  replica.process.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const p of descendants(replica.process.pid ?? -1)) {
      try {
        process.kill(p, "SIGKILL");
      } catch {}
    }
    replica.process.kill("SIGKILL");
  }, graceMs);
  await replica.exited;
  clearTimeout(timer);
}

/** Whether nothing listens on 127.0.0.1:`port` (nginx would otherwise fail to bind, late). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export function binary(name: "nginx" | "pgbouncer"): string {
  for (const dir of ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(
    `${name} is not installed. On Debian/Ubuntu: sudo apt-get install -y ${name} (it need not run as a service).`,
  );
}

export type Daemon = { process: ChildProcess; stop: () => Promise<void> };

function daemon(child: ChildProcess, stopSignal: NodeJS.Signals): Daemon {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(stopSignal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

/** nginx in the foreground with a generated configuration under `dir`. */
export function startNginx(options: { dir: string; listen: string; upstreams: string[] }): Daemon {
  mkdirSync(options.dir, { recursive: true });
  // Started as root, nginx's workers run as an unprivileged user: they must be able to reach
  // the temp directories (responses larger than the proxy buffers are spooled there).
  // (Its parent directories must be searchable by that user too.)
  if (process.getuid?.() === 0) chmodSync(options.dir, 0o755);
  const conf = path.join(options.dir, "nginx.conf");
  writeFileSync(conf, nginxConfig(options));
  const nginx = binary("nginx");
  const test = spawnSync(nginx, ["-t", "-q", "-p", options.dir, "-c", conf], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
  const child = spawn(nginx, ["-p", options.dir, "-c", conf], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  // SIGQUIT: nginx finishes the requests it is proxying, then stops.
  return daemon(child, "SIGQUIT");
}

/** PgBouncer (transaction mode) in the foreground with a generated configuration under `dir`. */
export function startPgBouncer(options: PgBouncerOptions): Daemon {
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(path.join(options.dir, "userlist.txt"), `"${options.user}" ""\n`);
  const ini = path.join(options.dir, "pgbouncer.ini");
  writeFileSync(ini, pgbouncerConfig(options));
  // PgBouncer refuses to run as root: as root, it is told to switch to `nobody`.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(options.dir, 0o777);
  const args = asRoot ? ["-u", "nobody", ini] : [ini];
  // It writes its log to logfile; only a failure to start is worth showing here.
  const child = spawn(binary("pgbouncer"), args, { stdio: ["ignore", "ignore", "inherit"] });
  // SIGINT: PgBouncer's "safe shutdown", after the transactions it is relaying.
  return daemon(child, "SIGINT");
}
