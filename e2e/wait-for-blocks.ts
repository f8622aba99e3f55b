/**
 * Waits until the chain behind `rpc` has committed `n` more blocks (CometBFT /status), for negative assertions:
 * "nothing appeared" means something only after the blocks that would have included it, not after a guessed pause.
 */
export async function waitForBlocks(rpc: string, n: number, timeoutMs = 30_000): Promise<number> {
  const height = async () => {
    const res = await fetch(`${rpc}/status`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { result: { sync_info: { latest_block_height: string } } };
    return Number(body.result.sync_info.latest_block_height);
  };
  const target = (await height()) + n;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await height();
    if (h >= target) return h;
    if (Date.now() > deadline) throw new Error(`the chain at ${rpc} did not reach height ${target} in ${timeoutMs} ms (at ${h})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
