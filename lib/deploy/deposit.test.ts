import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildDeploymentPayload } from "@/lib/deploy/payload";
import { durationLabel, escrowLifetime, maxPricePerBlock, minimumDeposit } from "@/lib/deploy/deposit";
import { generateManifestVersion, generateManifest } from "@akashnetwork/chain-sdk";
import { load } from "js-yaml";

const template = (slug: string) => readFileSync(path.resolve(__dirname, `../templates/sdl/${slug}.yaml`), "utf8");

describe("buildDeploymentPayload", () => {
  it("hashes exactly the manifest chain-sdk generates (the version the provider checks)", async () => {
    const text = template("wordpress");
    const payload = await buildDeploymentPayload(text);
    const reference = generateManifest(load(text) as never);
    if (!reference.ok) throw new Error("template invalid");
    expect(payload.hash).toEqual(await generateManifestVersion(reference.value.groups));
    expect(payload.groupSpecs).toEqual(reference.value.groupSpecs);
    expect(payload.denom).toBe("uact");
  });

  it("refuses invalid SDL with a message that sends the tenant back to the editor", async () => {
    await expect(buildDeploymentPayload("version: '2.0'\nservices: {}\n")).rejects.toThrow(/fix it in the editor/);
    await expect(buildDeploymentPayload("a: [")).rejects.toThrow(/not valid YAML/);
  });
});

describe("deposit", () => {
  it("defaults to the chain's minimum for the SDL's denom", () => {
    const mins = [{ denom: "uakt", amount: "500000" }, { denom: "uact", amount: "5000000" }];
    expect(minimumDeposit(mins, "uact")).toBe(5_000_000n);
    expect(() => minimumDeposit(mins, "ibc/ABC")).toThrow(/accepts deposits in uakt, uact, not ibc\/ABC/);
  });

  it("lasts deposit / (max price x count) blocks at worst", async () => {
    const payload = await buildDeploymentPayload(template("wordpress"));
    const perBlock = maxPricePerBlock(payload.groupSpecs);
    expect(perBlock.toString()).toBe("20000"); // two services at 10000 uact per block each
    const lifetime = escrowLifetime(5_000_000n, perBlock, 6)!;
    expect(lifetime.blocks).toBe(250);
    expect(lifetime.seconds).toBe(1500);
    expect(lifetime.label).toBe("25 minutes");
  });

  it("labels durations in the two largest units", () => {
    expect(durationLabel(90_061)).toBe("1 day 1 hour");
    expect(durationLabel(30)).toBe("30 seconds");
    expect(durationLabel(7_200)).toBe("2 hours");
  });
});
