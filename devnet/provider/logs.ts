/** Realistic container log lines per service image (startup banner, then steady-state lines). */
import { rng, hash32 } from "./rng";

export type ImageKind = "nginx" | "postgres" | "mysql" | "redis" | "vllm" | "ollama" | "node";

export function imageKind(image: string): ImageKind {
  const i = image.toLowerCase();
  if (/vllm/.test(i)) return "vllm";
  if (/ollama/.test(i)) return "ollama";
  if (/postgres|timescale|pgvector/.test(i)) return "postgres";
  if (/mysql|mariadb/.test(i)) return "mysql";
  if (/redis|valkey/.test(i)) return "redis";
  if (/nginx|httpd|caddy|traefik|apache/.test(i)) return "nginx";
  return "node";
}

const ESC = "\u001b[";
const green = (s: string) => `${ESC}32m${s}${ESC}39m`;
const yellow = (s: string) => `${ESC}33m${s}${ESC}39m`;
const cyan = (s: string) => `${ESC}36m${s}${ESC}39m`;
const dim = (s: string) => `${ESC}2m${s}${ESC}22m`;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");
const clf = (d: Date) =>
  `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
const pgTime = (d: Date) => d.toISOString().replace("T", " ").replace("Z", " UTC");
const vllmTime = (d: Date) => `${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const ginTime = (d: Date) => d.toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " - ");

const PATHS = ["/", "/index.html", "/favicon.ico", "/api/health", "/static/app.js", "/static/style.css", "/api/v1/items?page=2", "/login"];
const AGENTS = [
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "curl/8.5.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
  "kube-probe/1.30",
];

export interface GpuInfo {
  name: string;
  model: string;
}

/** Lines a container prints while starting. */
export function startupLines(kind: ImageKind, image: string, at: Date, gpu?: GpuInfo): string[] {
  switch (kind) {
    case "nginx":
      return [
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
        `${at.toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ")} [notice] 1#1: using the "epoll" event method`,
        `${at.toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ")} [notice] 1#1: nginx/1.27.3`,
        `${at.toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ")} [notice] 1#1: start worker processes`,
      ];
    case "postgres":
      return [
        "The files belonging to this database system will be owned by user \"postgres\".",
        "The database cluster will be initialized with locale \"en_US.utf8\".",
        "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
        "PostgreSQL init process complete; ready for start up.",
        `${pgTime(at)} [1] LOG:  starting PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu`,
        `${pgTime(at)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
        `${pgTime(at)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
        `${pgTime(at)} [63] LOG:  database system was shut down at ${pgTime(at)}`,
        `${pgTime(at)} [1] LOG:  database system is ready to accept connections`,
      ];
    case "mysql":
      return [
        `${at.toISOString()} 0 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.`,
        `${at.toISOString()} 0 [Note] [Entrypoint]: Initializing database files`,
        `${at.toISOString()} 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.4.3) initializing of server in progress as process 80`,
        `${at.toISOString()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
      ];
    case "redis":
      return [
        "1:C 25 Nov 2026 21:24:59.911 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
        "1:M 25 Nov 2026 21:24:59.912 * Server initialized",
        "1:M 25 Nov 2026 21:24:59.912 * Ready to accept connections tcp",
      ];
    case "vllm": {
      const t = vllmTime(at);
      const info = green("INFO");
      const g = gpu?.name ?? "NVIDIA H100 80GB HBM3";
      return [
        `${info} ${t} [__init__.py:239] Automatically detected platform cuda.`,
        `${info} ${t} [api_server.py:1034] vLLM API server version 0.8.5`,
        `${info} ${t} [config.py:689] This model supports multiple tasks: {'generate', 'embed'}. Defaulting to 'generate'.`,
        `${info} ${t} [cuda.py:292] Using Flash Attention backend on ${g}.`,
        `${info} ${t} [loader.py:458] Loading weights took 14.21 seconds`,
        `${info} ${t} [model_runner.py:1140] Model loading took 15.2174 GiB and 14.93 seconds`,
        `${info} ${t} [worker.py:287] Memory profiling takes 2.41 seconds`,
        `${info} ${t} [executor_base.py:112] # cuda blocks: 27453, # CPU blocks: 2048`,
        `${info} ${t} [model_runner.py:1450] Capturing cudagraphs for decoding.`,
        `${info} ${t} [api_server.py:1081] Starting vLLM API server on http://0.0.0.0:8000`,
        `${info}:     Application startup complete.`,
      ];
    }
    case "ollama": {
      const ts = at.toISOString();
      const g = gpu?.name ?? "NVIDIA H100 80GB HBM3";
      return [
        `time=${ts} level=INFO source=routes.go:1259 msg="server config" env="map[OLLAMA_HOST:http://0.0.0.0:11434 OLLAMA_KEEP_ALIVE:5m0s]"`,
        `time=${ts} level=INFO source=images.go:757 msg="total blobs: 5"`,
        `time=${ts} level=INFO source=routes.go:1310 msg="Listening on [::]:11434 (version 0.5.7)"`,
        `time=${ts} level=INFO source=gpu.go:226 msg="looking for compatible GPUs"`,
        `time=${ts} level=INFO source=types.go:131 msg="inference compute" id=GPU-3f1c2a7e library=cuda variant=v12 compute=9.0 driver=12.4 name="${g}" total="79.1 GiB" available="78.6 GiB"`,
        `time=${ts} level=INFO source=server.go:376 msg="starting llama server" cmd="/usr/lib/ollama/runners/cuda_v12_avx/ollama_llama_server runner --model /root/.ollama/models/blobs/sha256-6a0746a1ec1a --ctx-size 8192 --n-gpu-layers 33"`,
        `llm_load_tensors: offloaded 33/33 layers to GPU`,
        `time=${ts} level=INFO source=server.go:594 msg="llama runner started in 3.52 seconds"`,
      ];
    }
    default:
      return [
        `${dim(at.toISOString())} ${green("info")}: starting ${image}`,
        `${dim(at.toISOString())} ${green("info")}: loaded configuration from environment`,
        `${dim(at.toISOString())} ${green("info")}: ${cyan("server listening")} on http://0.0.0.0:3000`,
      ];
  }
}

/** The n-th steady-state line of a service (deterministic in seed/service/n). */
export function steadyLine(kind: ImageKind, seed: number, service: string, n: number, at: Date): string {
  const r = rng(hash32(seed, service, n));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ip = `10.42.${Math.floor(r() * 4)}.${1 + Math.floor(r() * 250)}`;
  switch (kind) {
    case "nginx": {
      const status = r() < 0.9 ? 200 : pick([301, 304, 404, 499]);
      return `${ip} - - [${clf(at)}] "GET ${pick(PATHS)} HTTP/1.1" ${status} ${Math.floor(r() * 5000)} "-" "${pick(AGENTS)}"`;
    }
    case "postgres":
      return r() < 0.5
        ? `${pgTime(at)} [${60 + Math.floor(r() * 10)}] LOG:  checkpoint starting: time`
        : `${pgTime(at)} [${60 + Math.floor(r() * 10)}] LOG:  checkpoint complete: wrote ${Math.floor(r() * 200)} buffers (${(r() * 2).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=${(r() * 20).toFixed(3)} s`;
    case "mysql":
      return `${at.toISOString()} ${Math.floor(r() * 90)} [Note] [MY-010914] [Server] Aborted connection ${Math.floor(r() * 900)} to db: 'app' user: 'app' host: '${ip}' (Got an error reading communication packets).`;
    case "redis":
      return `1:M ${at.toUTCString().slice(5, 25)}.${String(at.getUTCMilliseconds()).padStart(3, "0")} * ${Math.floor(r() * 100)} changes in 300 seconds. Saving...`;
    case "vllm":
      return r() < 0.7
        ? `${green("INFO")} ${vllmTime(at)} [loggers.py:116] Engine 000: Avg prompt throughput: ${(r() * 400).toFixed(1)} tokens/s, Avg generation throughput: ${(r() * 120).toFixed(1)} tokens/s, Running: ${Math.floor(r() * 4)} reqs, Waiting: 0 reqs, GPU KV cache usage: ${(r() * 10).toFixed(1)}%, Prefix cache hit rate: ${(r() * 50).toFixed(1)}%`
        : `${green("INFO")}:     ${ip}:${30000 + Math.floor(r() * 30000)} - "POST /v1/chat/completions HTTP/1.1" 200 OK`;
    case "ollama": {
      const status = r() < 0.95 ? 200 : 500;
      const colour = status === 200 ? "97;42" : "90;43";
      return `[GIN] ${ginTime(at)} |${ESC}${colour}m ${status} ${ESC}0m| ${(r() * 3).toFixed(6).padStart(12)}s | ${ip.padStart(15)} |${ESC}97;46m POST    ${ESC}0m "/api/generate"`;
    }
    default:
      return r() < 0.85
        ? `${dim(at.toISOString())} ${green("info")}: ${pick(["GET", "POST"])} ${pick(PATHS)} ${200} ${Math.floor(r() * 80)}ms`
        : `${dim(at.toISOString())} ${yellow("warn")}: slow request ${pick(PATHS)} took ${Math.floor(800 + r() * 2000)}ms`;
  }
}
