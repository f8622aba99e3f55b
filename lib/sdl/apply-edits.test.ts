import { describe, expect, it } from "vitest";
import { applyTextEdits } from "@/lib/sdl/apply-edits";

const r = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ startLine, startColumn, endLine, endColumn });

describe("applyTextEdits", () => {
  it("replaces a range on one line", () => {
    expect(applyTextEdits("a: wbe\nb: 1\n", [{ range: r(1, 4, 1, 7), text: "web" }])).toBe("a: web\nb: 1\n");
  });

  it("applies several edits without shifting each other", () => {
    const text = "x: 1\ny: 2\nz: 3\n";
    const out = applyTextEdits(text, [
      { range: r(1, 4, 1, 5), text: "10" },
      { range: r(3, 4, 3, 5), text: "30" },
    ]);
    expect(out).toBe("x: 10\ny: 2\nz: 30\n");
  });

  it("inserts at the end of the document", () => {
    expect(applyTextEdits("a: 1\n", [{ range: r(2, 1, 2, 1), text: "b: 2\n" }])).toBe("a: 1\nb: 2\n");
  });
});
