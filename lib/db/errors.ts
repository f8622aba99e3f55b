/**
 * A unique-constraint violation (Prisma's P2002). Checked by code, not by class: the SQLite and PostgreSQL
 * clients are generated separately and each carries its own copy of Prisma's error classes.
 */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
