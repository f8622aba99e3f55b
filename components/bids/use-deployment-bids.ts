"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { createRestClient } from "@/lib/chain/rest";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { bidKey, pollIntervalFor, watchBids, type BidTransport } from "@/lib/market/bids-stream";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import type { ProviderInfo } from "@/lib/market/provider-info";
import { createLatestBatcher } from "@/lib/market/latest-batcher";
import type { Network } from "@/lib/networks";
import { providerQueries } from "@/lib/query/providers";

export interface DeploymentBids {
  bids: EnrichedBid[];
  transport: BidTransport;
  /** the last failure of the bid stream or of the provider lookup; the bids shown are the last ones read */
  error: Error | null;
  /** ms since the epoch when watching began (the "no bids after 60 s" clock) */
  startedAt: number;
  height: number | null;
  /** every provider on chain, loaded only when `withKnownProviders` (for the no-bids explanation) */
  knownProviders: ProviderInfo[] | null;
}

export interface UseDeploymentBidsInput {
  network: Network;
  owner: string;
  dseq: string;
  withKnownProviders?: boolean;
}

export function useDeploymentBids({ network, owner, dseq, withKnownProviders = false }: UseDeploymentBidsInput): DeploymentBids {
  const [stream, setStream] = useState<{ bids: ChainBid[]; unconfirmed: string[]; transport: BidTransport; height: number | null; error: Error | null }>({
    bids: [],
    unconfirmed: [],
    transport: "polling",
    height: null,
    error: null,
  });
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const rest = useMemo(() => createRestClient(network.restUrl), [network.restUrl]);
  const rpcUrl = network.rpcUrl;
  const pollIntervalMs = pollIntervalFor(network);

  useEffect(() => {
    const ac = new AbortController();
    setStartedAt(Date.now());
    // one render per animation frame: a burst of bids in one block draws once, in the first frame it can
    const batch = createLatestBatcher<typeof stream>(setStream);
    (async () => {
      for await (const snap of watchBids({ rpcUrl, rest, owner, dseq, signal: ac.signal, pollIntervalMs })) batch.push(snap);
    })().catch((err: unknown) => {
      if (!ac.signal.aborted) setStream((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) }));
    });
    return () => {
      ac.abort();
      batch.cancel();
    };
  }, [rpcUrl, pollIntervalMs, rest, owner, dseq]);

  const owners = useMemo(() => [...new Set(stream.bids.map((b) => b.id.provider))].sort(), [stream.bids]);
  const providers = useQuery({ ...providerQueries.byOwners(network.id, owners), enabled: owners.length > 0 });
  const known = useQuery({ ...providerQueries.all(network), enabled: withKnownProviders });

  const bids = useMemo(() => {
    const byOwner = new Map((providers.data?.providers ?? []).map((p) => [p.owner, p]));
    const unconfirmed = new Set(stream.unconfirmed);
    return stream.bids.map((bid) => {
      const key = bidKey(bid.id);
      return { ...bid, key, unconfirmed: unconfirmed.has(key), provider: byOwner.get(bid.id.provider) ?? null };
    });
  }, [stream.bids, stream.unconfirmed, providers.data]);

  return {
    bids,
    transport: stream.transport,
    error: stream.error ?? providers.error ?? null,
    startedAt,
    height: stream.height,
    knownProviders: known.data ?? null,
  };
}
