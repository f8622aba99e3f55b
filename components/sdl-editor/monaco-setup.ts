"use client";
// Monaco is bundled from the local package (no CDN): the console must work offline and under a strict CSP.
// Only the editor core and the YAML grammar are imported, not the 80 languages of `monaco-editor`'s main entry.
import * as monaco from "monaco-editor/esm/vs/editor/editor.api";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution";
import { loader } from "@monaco-editor/react";
import { configureMonacoYaml, type MonacoYaml } from "monaco-yaml";

let yaml: MonacoYaml | undefined;

export const SDL_MODEL_URI = "file:///deploy.yaml";

/**
 * Wires Monaco once per page: its workers, monaco-yaml with chain-sdk's SDL JSON schema (completion and hover
 * docs for keys), and @monaco-editor/react's loader pointed at this local copy.
 * monaco-yaml's own validation is off: the console's diagnostics (lib/sdl) are the single source of markers,
 * with positions and messages monaco-yaml's schema errors cannot give.
 */
export function setupMonaco(sdlSchema: object): typeof monaco {
  if (!window.MonacoEnvironment) {
    window.MonacoEnvironment = {
      getWorker(_id, label) {
        if (label === "yaml") return new Worker(new URL("monaco-yaml/yaml.worker", import.meta.url));
        return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker", import.meta.url));
      },
    };
  }
  if (!yaml) {
    yaml = configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      validate: false,
      hover: true,
      completion: true,
      schemas: [{ uri: "https://akash.network/sdl.schema.json", fileMatch: ["*"], schema: sdlSchema as never }],
    });
    loader.config({ monaco });
    // The global the AMD build would define; @monaco-editor/loader looks for it first, and browser tests read
    // the model's text through it (the DOM only holds the visible lines).
    (window as unknown as { monaco: typeof monaco }).monaco = monaco;
  }
  return monaco;
}

export type Monaco = typeof monaco;
