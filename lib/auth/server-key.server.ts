import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getServerEnv, type ServerEnv } from "@/lib/env/server";

/**
 * The server's HMAC key (sign-in nonces). From CONSOLE_SECRET_KEY when set, the same on every instance; else
 * generated at first start into the data folder, readable by the server's user only. Several instances must share
 * it: set CONSOLE_SECRET_KEY, or give them one data folder (the file is created exclusively, so two instances
 * starting at once agree on one key).
 */
export const SERVER_KEY_FILE = "server-key";
const cache = new Map<string, Buffer>();

export function decodeKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-f]+$/i.test(t) && t.length % 2 === 0 ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (bytes.length < 32) throw new Error("The server key must be at least 32 bytes (base64 or hex).");
  return bytes;
}

export function serverKey(env: ServerEnv = getServerEnv()): Buffer {
  if (env.CONSOLE_SECRET_KEY) return decodeKey(env.CONSOLE_SECRET_KEY);
  const file = path.resolve(env.CONSOLE_DATA_DIR, SERVER_KEY_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // written whole to a private temporary file, then linked into place: link() fails when the key exists, so
  // a reader never sees a half-written key and two instances starting at once keep the first one
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(tmp, randomBytes(32).toString("base64") + "\n", { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(tmp);
  }
  const key = decodeKey(readFileSync(file, "utf8"));
  cache.set(file, key);
  return key;
}
