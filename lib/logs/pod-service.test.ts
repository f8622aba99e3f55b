import { describe, expect, it } from "vitest";
import { capturedEventFrames, capturedLogFrames, CAPTURED_SERVICES } from "@/test/support/devnet-capture";
import { serviceOf } from "@/lib/logs/pod-service";

describe("serviceOf", () => {
  it("finds the service of every pod in the devnet capture", () => {
    for (const f of capturedLogFrames("truth")) expect(CAPTURED_SERVICES).toContain(serviceOf(f.name, CAPTURED_SERVICES));
  });

  it("finds the service of event objects: deployment, replica set and pod", () => {
    const names = new Set(capturedEventFrames("initial").map((e) => serviceOf(e.object.name, CAPTURED_SERVICES)));
    expect([...names].sort()).toEqual([...CAPTURED_SERVICES].sort());
  });

  it("prefers the longest service name when one prefixes another", () => {
    expect(serviceOf("web-api-7d9f8c6b5-x2k4q", ["web", "web-api"])).toBe("web-api");
    expect(serviceOf("web-7d9f8c6b5-x2k4q", ["web", "web-api"])).toBe("web");
    expect(serviceOf("db-0", ["db"])).toBe("db");
  });

  it("answers undefined for a name no service prefixes", () => {
    expect(serviceOf("webby-1", ["web"])).toBeUndefined();
  });
});
