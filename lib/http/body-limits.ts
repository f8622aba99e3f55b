import { SDL_MAX_BYTES } from "@/lib/sdl/limits";

/**
 * The largest request body each route reads, sized from what it carries. JSON escaping of YAML text at most
 * doubles it (quotes, backslashes, tabs and newlines become two characters; YAML allows no other control
 * characters), and every body has a small envelope of names, ids and amounts.
 */
const ENVELOPE = 16 * 1024;

/** auth, lease records, state changes: no SDL */
export const SMALL_BODY_LIMIT = 64 * 1024;

/** a draft: one SDL */
export const DRAFT_BODY_LIMIT = 2 * SDL_MAX_BYTES + ENVELOPE;

/** A deployment record: one SDL (the manifest is derived from it where needed, never sent or stored). */
export const DEPLOYMENT_BODY_LIMIT = 2 * SDL_MAX_BYTES + ENVELOPE;

/**
 * A records file (app/api/records/import): an account's drafts and versions fit in its 64 MiB quota, JSON-escaped
 * at most twice that, plus the SDLs of its deployment records. Larger files are refused while they stream.
 */
export const IMPORT_BODY_LIMIT = 160 * 1024 * 1024;
