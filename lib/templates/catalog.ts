/**
 * Starting SDLs from the public awesome-akash template collection (Apache-2.0), the same files as
 * test/data/sdl-corpus (the tests' copy), except that `depends_on` was removed from wordpress and snake-game: chain-sdk refuses the key
 * (providers start services independently), and a gallery template must deploy as it is (catalog.test.ts). The YAML lives beside this file in sdl/ and is read on the server only
 * (catalog.server.ts), so the gallery costs the browser nothing until a template is opened.
 */
export type TemplateCategory = "web" | "database" | "gpu" | "storage" | "ip" | "tools";

export interface TemplateMeta {
  slug: string;
  name: string;
  summary: string;
  categories: readonly TemplateCategory[];
}

export const TEMPLATE_CATEGORY_LABELS: Record<TemplateCategory, string> = {
  web: "Web app",
  database: "Database",
  gpu: "GPU inference",
  storage: "Persistent storage",
  ip: "IP endpoint",
  tools: "Developer tools",
};

export const TEMPLATES: readonly TemplateMeta[] = [
  { slug: "wordpress", name: "WordPress", summary: "WordPress with a MariaDB database, both on persistent volumes.", categories: ["web", "database", "storage"] },
  { slug: "react", name: "React app", summary: "A React single-page app served over HTTP.", categories: ["web"] },
  { slug: "snake-game", name: "Snake game", summary: "The smallest web deployment: one container, one global port.", categories: ["web"] },
  { slug: "gitea", name: "Gitea", summary: "Self-hosted Git service with web UI and SSH.", categories: ["web", "tools"] },
  { slug: "nextcloud", name: "Nextcloud", summary: "File hosting and collaboration suite.", categories: ["web", "storage"] },
  { slug: "vaultwarden", name: "Vaultwarden", summary: "Bitwarden-compatible password manager with a persistent data volume.", categories: ["web", "storage"] },
  { slug: "mysql", name: "MySQL", summary: "MySQL server with a phpMyAdmin front end.", categories: ["database"] },
  { slug: "cockroachdb", name: "CockroachDB", summary: "A three-node CockroachDB cluster.", categories: ["database"] },
  { slug: "qdrant", name: "Qdrant", summary: "Vector database with persistent storage.", categories: ["database", "storage"] },
  { slug: "ollama-gpu", name: "Ollama (GPU)", summary: "Run open LLMs with Ollama and Open WebUI on an NVIDIA GPU.", categories: ["gpu"] },
  { slug: "llama-3-1-8b", name: "Llama 3.1 8B", summary: "Meta Llama 3.1 8B Instruct served by vLLM on one GPU.", categories: ["gpu", "storage"] },
  { slug: "deepseek-r1-distill-qwen-7b", name: "DeepSeek R1 Distill Qwen 7B", summary: "Reasoning model on vLLM with a persistent model cache.", categories: ["gpu", "storage"] },
  { slug: "comfyui", name: "ComfyUI", summary: "Node-based Stable Diffusion UI on a GPU.", categories: ["gpu"] },
  { slug: "whisper-asr-gpu", name: "Whisper ASR (GPU)", summary: "Speech-to-text web service on a GPU.", categories: ["gpu"] },
  { slug: "jupyter", name: "Jupyter", summary: "Jupyter notebook server.", categories: ["tools"] },
  { slug: "minecraft", name: "Minecraft server", summary: "A Minecraft Java server with a persistent world.", categories: ["storage"] },
  { slug: "nginx-letsencrypt-proxy", name: "NGINX Let's Encrypt proxy", summary: "TLS-terminating proxy on a dedicated IP endpoint.", categories: ["web", "ip"] },
  { slug: "satisfactory-server", name: "Satisfactory server", summary: "Game server on a dedicated IP endpoint with persistent saves.", categories: ["ip", "storage"] },
];

export function findTemplate(slug: string): TemplateMeta | undefined {
  return TEMPLATES.find((t) => t.slug === slug);
}

/** Case-insensitive search over name, summary and category labels; every word must match. */
export function searchTemplates(query: string, category?: TemplateCategory): TemplateMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return TEMPLATES.filter((t) => {
    if (category && !t.categories.includes(category)) return false;
    const haystack = [t.name, t.summary, t.slug, ...t.categories.map((c) => TEMPLATE_CATEGORY_LABELS[c])].join(" ").toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
