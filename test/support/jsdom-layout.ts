/**
 * jsdom has no layout: every element measures 0 and ignores scrollTop. For the viewer tests, the `log` regions
 * get a tall viewport (so the virtualizer renders every line of the small fixtures), a content height, and a
 * scrollTop that remembers what was set, as a browser's would.
 */
const top = new WeakMap<Element, number>();
const isLog = (el: Element) => el.getAttribute("role") === "log";

export const LOG_VIEWPORT = 20_000;
export const LOG_CONTENT = 100_000;

export function installLogLayout(): void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, "clientHeight", { configurable: true, get() { return isLog(this) ? LOG_VIEWPORT : 0; } });
  Object.defineProperty(proto, "clientWidth", { configurable: true, get() { return isLog(this) ? 1000 : 0; } });
  Object.defineProperty(proto, "scrollHeight", { configurable: true, get() { return isLog(this) ? LOG_CONTENT : 0; } });
  Object.defineProperty(proto, "scrollTop", {
    configurable: true,
    get() {
      return top.get(this) ?? 0;
    },
    set(v: number) {
      top.set(this, Math.max(0, Math.min(v, LOG_CONTENT - LOG_VIEWPORT)));
    },
  });
}
