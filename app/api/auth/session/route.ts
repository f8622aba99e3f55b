import { NextResponse } from "next/server";
import { getSessionAddress } from "@/lib/auth/session.server";
import { route } from "@/lib/http/route.server";

export const GET = route(async (req) => {
  const address = await getSessionAddress(req);
  return NextResponse.json({ address });
});
