import { describe, expect, it } from "vitest";
import { overBudget, parseFirstLoad } from "./build-size";

// next build's route table, as Next 15.5 prints it
const REPORT = `Route (app)                                                                             Size  First Load JS
┌ ƒ /                                                                                  167 B         108 kB
├ ƒ /api/auth/logout                                                                   188 B         104 kB
├ ƒ /deployments/[dseq]                                                               434 kB         617 kB
├ ○ /icon.svg                                                                            0 B            0 B
└ ƒ /templates                                                                       1.95 kB         1.2 MB
+ First Load JS shared by all                                                         104 kB
  ├ chunks/1255-d8a1861c775d9bcc.js                                                  45.5 kB
ƒ Middleware                                                                         34.1 kB`;

describe("the first-load JS budget", () => {
  it("reads every route's first-load size from next build's table, in kB, and nothing else", () => {
    expect(parseFirstLoad(REPORT)).toEqual([
      { route: "/", firstLoadKb: 108 },
      { route: "/api/auth/logout", firstLoadKb: 104 },
      { route: "/deployments/[dseq]", firstLoadKb: 617 },
      { route: "/icon.svg", firstLoadKb: 0 },
      { route: "/templates", firstLoadKb: 1228.8 },
    ]);
  });

  it("names the pages over 300 kB", () => {
    expect(overBudget(parseFirstLoad(REPORT)).map((p) => p.route)).toEqual(["/deployments/[dseq]", "/templates"]);
  });

  it("finds no table in a report of another shape (so the check cannot pass by accident)", () => {
    expect(parseFirstLoad("Compiled successfully\n")).toEqual([]);
  });
});
