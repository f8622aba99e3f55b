/*
 * The in-page probe of bench/bids-row.bench.ts, plain JS: an init script runs before the console's own scripts.
 * It timestamps on the wall clock (performance.timeOrigin + now()) the bids seen on the websocket and in REST reads,
 * keyed "<dseq>/<gseq>/<oseq>/<provider>/<bseq>", and each bid row of the table when it appears, found by its
 * BID_ROW_KEY_ATTRIBUTE (lib/market/bid-rows.ts; the bench puts its name in place of __BID_ROW_KEY_ATTRIBUTE__).
 */
/* global window, document, performance, URL, MutationObserver, requestAnimationFrame, __BID_ROW_KEY_ATTRIBUTE__ */
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const B = (window.__bidsRowBench = { ready: null, ws: {}, rest: {}, rows: {}, wsMessages: 0, restReads: 0, clockSkew: [] });
  const keyOf = (id) => [id.dseq, id.gseq, id.oseq, id.provider, id.bseq ?? 0].map(String).join("/");
  const NativeWS = window.WebSocket;
  window.WebSocket = class extends NativeWS {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("message", (ev) => {
        const t = now();
        B.wsMessages++;
        try {
          const msg = JSON.parse(String(ev.data));
          const events = msg && msg.result && msg.result.events;
          if (!events) return;
          const h = Number(msg.result.data && msg.result.data.value && msg.result.data.value.TxResult && msg.result.data.value.TxResult.height);
          for (const raw of events["akash.market.v1.EventBidCreated.id"] || []) {
            const k = keyOf(JSON.parse(raw));
            if (!B.ws[k]) B.ws[k] = { t, height: h };
          }
        } catch { /* a message of another subscription: not ours */ }
      });
    }
  };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes("/bids/list")) return nativeFetch(input, init);
    const sent = now();
    const res = await nativeFetch(input, init);
    res.clone().json().then((body) => {
      const t = now();
      B.restReads++;
      for (const item of body.bids || []) {
        const id = (item.bid || item).id;
        const k = keyOf(id);
        if (!B.rest[k]) B.rest[k] = { sent, t };
      }
    }, () => undefined);
    return res;
  };
  const ATTR = __BID_ROW_KEY_ATTRIBUTE__;
  const rowsIn = (n) => (n.matches("tr[" + ATTR + "]") ? [n] : Array.from(n.querySelectorAll("tr[" + ATTR + "]")));
  new MutationObserver((mutations) => {
    const t = now();
    for (const m of mutations) {
      for (const n of m.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const row of rowsIn(n)) {
          const key = row.getAttribute(ATTR);
          if (B.rows[key]) continue;
          const button = row.querySelector('button[aria-label^="Accept bid from"]');
          if (!button) continue;
          const rec = (B.rows[key] = { t, frame: null, confirmed: row.getAttribute("aria-busy") === "true" ? null : t, label: button.getAttribute("aria-label") });
          requestAnimationFrame(() => (rec.frame = now()));
        }
      }
      // a row drawn from the block's event (aria-busy) is confirmed when the REST read clears it
      if (m.type === "attributes" && m.attributeName === "aria-busy" && m.target.getAttribute("aria-busy") !== "true" && m.target.hasAttribute(ATTR)) {
        const rec = B.rows[m.target.getAttribute(ATTR)];
        if (rec && rec.confirmed === null) rec.confirmed = t;
      }
    }
    if (B.ready === null && document.querySelector('[data-transport="websocket"]') && document.querySelector('section[aria-label="Bids"] table')) {
      B.ready = t;
      B.clockSkew.push(Date.now() - t);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-transport", "aria-busy"] });
})();
