import "server-only";
import { getSessionAddress } from "@/lib/auth/session.server";
import { AppError } from "@/lib/errors/app-error";

/** The signed-in address, or a 401 that tells the tenant what to do. */
export async function requireSessionAddress(req: Request): Promise<string> {
  const address = await getSessionAddress(req);
  if (!address) {
    throw new AppError("unauthorized", "Sign in with your wallet first: connect it in the header and approve the sign-in request.");
  }
  return address;
}
