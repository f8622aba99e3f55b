// A bare bench page has no `process`; modules that read NEXT_PUBLIC_* (inlined by Next in the app) find an empty env.
// Imported first, so it runs before them.
(globalThis as { process?: unknown }).process ??= { env: {} };
export {};
