import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";

/** GET {rest}/cosmos/bank/v1beta1/balances/{address}: the REST node is outside the console, so it is parsed. */
const balancesResponseSchema = z.object({
  balances: z.array(z.object({ denom: z.string(), amount: z.string().regex(/^\d+$/, "amount must be an integer") })),
  pagination: z.object({ next_key: z.string().nullable().optional() }).nullish(),
});

/** Base units (uakt, uact) as decimal strings; a denom the account does not hold is "0". */
export interface WalletBalances {
  akt: string;
  act: string;
}

export async function fetchBalances(network: Network, address: string, options: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<WalletBalances> {
  const doFetch = options.fetch ?? fetch;
  // an account holds a handful of denoms; 200 per page means one request in practice
  const url = `${network.restUrl}/cosmos/bank/v1beta1/balances/${encodeURIComponent(address)}?pagination.limit=200`;
  let res: Response;
  try {
    res = await doFetch(url, { signal: options.signal, headers: { accept: "application/json" } });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new AppError("chain.unreachable", `The balances cannot be read: ${network.restUrl} does not answer. Check that the network's REST endpoint is reachable.`, { cause: e });
  }
  if (!res.ok) throw new AppError(res.status >= 502 && res.status <= 504 ? "chain.unreachable" : "chain.unexpected_response", `The balances cannot be read: ${network.restUrl} answered HTTP ${res.status}.`, { details: { status: res.status } });
  const parsed = balancesResponseSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new AppError("chain.unexpected_response", `The balances cannot be read: ${network.restUrl} answered something that is not a bank balances response.`);
  const amount = (denom: string) => parsed.data.balances.find((b) => b.denom === denom)?.amount ?? "0";
  return { akt: amount(network.denoms.akt.denom), act: amount(network.denoms.act.denom) };
}
