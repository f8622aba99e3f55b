// Minimal types for js-yaml 4, the YAML loader chain-sdk itself uses (SDL.fromString, yaml``); we load with the
// same library so the plain object we validate is exactly the one chain-sdk would build from the text.
declare module "js-yaml" {
  export interface LoaderState {
    position: number;
    line: number;
    lineStart: number;
    kind: string | null;
    result: unknown;
    tag: string | null;
    anchor: string | null;
  }
  export interface LoadOptions {
    filename?: string;
    json?: boolean;
    listener?: (this: LoaderState, eventType: "open" | "close", state: LoaderState) => void;
  }
  export interface Mark {
    name: string | null;
    buffer: string;
    position: number;
    line: number;
    column: number;
    snippet?: string;
  }
  export class YAMLException extends Error {
    reason: string;
    mark: Mark | undefined;
  }
  export function load(text: string, options?: LoadOptions): unknown;
}
