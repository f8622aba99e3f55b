/** Bench page, the floor: the same stream read and parsed with no viewer at all (what the browser costs alone). */
import { websocketStream } from "./lib/page-probe";

void (async () => {
  for await (const _frame of websocketStream(`ws://${location.host}/stream`)({ tail: 0, signal: new AbortController().signal })) {
    // nothing: only the websocket, JSON.parse and the async iteration the viewers share
  }
})();
