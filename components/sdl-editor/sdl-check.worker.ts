// Validation runs here, off the main thread: a 300-line SDL costs a few milliseconds, a pathological paste far more,
// and typing must never wait for either.
import { checkSdl, type SdlCheckResult } from "@/lib/sdl/check";
import { getNetworkFromEnv } from "@/lib/networks";

// the cost estimate uses the console's network's block time, as the bid table does
const averageBlockTimeSeconds = getNetworkFromEnv().averageBlockTimeSeconds;

export interface CheckRequest {
  id: number;
  text: string;
}

export interface CheckResponse {
  id: number;
  result?: SdlCheckResult;
  error?: string;
}

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, text } = event.data;
  try {
    const result = await checkSdl(text, { averageBlockTimeSeconds });
    (self as unknown as Worker).postMessage({ id, result } satisfies CheckResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies CheckResponse);
  }
};
