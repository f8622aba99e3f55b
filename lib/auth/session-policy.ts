/** How long sign-in artefacts live. Shared by the session code, the retention sweep and tests. */
export const NONCE_TTL_MS = 5 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
/** a session unused this long is over, even before its absolute expiry */
export const SESSION_IDLE_MS = 12 * 3600_000;
/** lastSeenAt is refreshed at most this often, so reading a session is not a write on every request */
export const SESSION_TOUCH_MS = 60_000;
/** sessions per address; a new sign-in beyond it revokes the oldest */
export const MAX_SESSIONS_PER_ADDRESS = 5;
