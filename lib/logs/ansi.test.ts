import { describe, expect, it } from "vitest";
import { MAX_SPANS_PER_LINE, parseAnsi, PLAIN, stripAnsi, type AnsiSpan } from "@/lib/logs/ansi";
import { spanCss, VIEWER_BG, VIEWER_FG } from "@/lib/logs/ansi-css";
import { ansi256ToHex } from "@/lib/logs/ansi-palette";
import { capturedLogFrames } from "@/test/support/devnet-capture";

const E = "\u001b";
const text = (spans: AnsiSpan[]) => spans.map((s) => s.text).join("");
/** Every value a span carries: its text, and style values that must all be #rrggbb or booleans. */
function assertSafe(spans: AnsiSpan[]) {
  for (const s of spans) {
    expect(typeof s.text).toBe("string");
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(s.text).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
    for (const [k, v] of Object.entries(s.style)) {
      if (k === "fg" || k === "bg") expect(v).toMatch(/^#[0-9a-f]{6}$/);
      else expect(v).toBe(true);
    }
  }
}

describe("parseAnsi", () => {
  it("returns plain text untouched as one unstyled span", () => {
    expect(parseAnsi("GET /index.html 200")).toEqual([{ text: "GET /index.html 200", style: PLAIN }]);
    expect(parseAnsi("")).toEqual([]);
  });

  it("turns the devnet's coloured lines into styled spans without escape bytes", () => {
    const line = capturedLogFrames("initial").find((f) => f.message.includes(`${E}[32minfo`))!.message;
    const spans = parseAnsi(line);
    assertSafe(spans);
    expect(spans.find((s) => s.text === "info")?.style).toEqual({ fg: ansi256ToHex(2) });
    expect(spans[0]!.style).toEqual({ dim: true });
    expect(text(spans)).toBe(line.replaceAll(`${E}[2m`, "").replaceAll(`${E}[22m`, "").replaceAll(`${E}[32m`, "").replaceAll(`${E}[39m`, ""));
  });

  it("maps 16, 256 and truecolour foregrounds and backgrounds to #rrggbb values", () => {
    const spans = parseAnsi(`${E}[91ma${E}[38;5;196mb${E}[38;2;1;2;3mc${E}[48;5;21md${E}[38:2::10:20:30me${E}[104mf`);
    expect(spans.map((s) => [s.text, s.style.fg, s.style.bg])).toEqual([
      ["a", "#f14c4c", undefined],
      ["b", "#ff0000", undefined],
      ["c", "#010203", undefined],
      ["d", "#010203", "#0000ff"],
      ["e", "#0a141e", "#0000ff"],
      ["f", "#0a141e", "#3b8eea"],
    ]);
  });

  it("tracks bold, dim, italic, underline and inverse, and resets them", () => {
    const spans = parseAnsi(`${E}[1;3;4;7mA${E}[22;23mB${E}[24;27mC${E}[2mD${E}[0mE${E}[1mF${E}[mG`);
    expect(spans.map((s) => [s.text, s.style])).toEqual([
      ["A", { bold: true, italic: true, underline: true, inverse: true }],
      ["B", { underline: true, inverse: true }],
      ["C", {}],
      ["D", { dim: true }],
      ["E", {}],
      ["F", { bold: true }],
      ["G", {}],
    ]);
  });

  it("merges adjacent text whose style did not change", () => {
    expect(parseAnsi(`${E}[31mab${E}[31mcd${E}[Kef`)).toEqual([{ text: "abcdef", style: { fg: "#cd3131" } }]);
  });

  describe("on hostile input", () => {
    it("never produces markup: HTML in the stream stays literal text", () => {
      const line = `${E}[31m<img src=x onerror="alert(1)"><script>alert(2)</script>${E}[0m`;
      expect(text(parseAnsi(line))).toBe(`<img src=x onerror="alert(1)"><script>alert(2)</script>`);
    });

    it("drops OSC 8 hyperlinks but keeps their visible text, and leaks no URL", () => {
      const spans = parseAnsi(`see ${E}]8;;https://evil.example/phish${E}\\the docs${E}]8;;${E}\\ now`);
      expect(text(spans)).toBe("see the docs now");
      expect(JSON.stringify(spans)).not.toContain("evil");
    });

    it("drops window-title and other OSC strings, terminated by BEL, ST or not at all", () => {
      expect(stripAnsi(`a${E}]0;pwned title\u0007b${E}]2;x${E}\\c\u009d1;y\u009cd`)).toBe("abcd");
      expect(stripAnsi(`visible${E}]0;never terminated`)).toBe("visible");
    });

    it("drops cursor movement, screen clearing, mode switches and device queries", () => {
      expect(stripAnsi(`${E}[2J${E}[H${E}[10;20Hx${E}[?25l${E}[?1049h${E}[6n${E}[1Ay${E}[s${E}[u${E}7${E}8${E}c${E}(0z${E}=`)).toBe("xyz");
    });

    it("drops DCS, APC, PM and SOS strings, and 8-bit CSI", () => {
      expect(stripAnsi(`a${E}Pq#0;2;0;0;0#1${E}\\b${E}_Gpayload${E}\\c${E}^pm${E}\\d${E}Xsos${E}\\e\u009b31mf`)).toBe("abcdef");
    });

    it("drops C0 and C1 controls but keeps tabs", () => {
      expect(stripAnsi("a\u0000b\u0007c\bd\re\tf\u007fg\u0085h\u0090")).toBe("abcde\tfgh");
    });

    it("drops bidi override and isolate controls that reorder what the reader sees", () => {
      expect(stripAnsi("access \u202eenied\u202c granted \u2066x\u2069")).toBe("access enied granted x");
    });

    it("ignores malformed and out-of-range colours instead of guessing", () => {
      const spans = parseAnsi(`${E}[38;5;999ma${E}[38;2;300;0;0mb${E}[38;5mc${E}[38;2;1md${E}[99999999999me`);
      expect(text(spans)).toBe("abcde");
      for (const s of spans) expect(s.style.fg).toBeUndefined();
    });

    it("drops a sequence cut short by the end of the line or by another ESC", () => {
      expect(stripAnsi(`tail${E}[31`)).toBe("tail");
      expect(stripAnsi(`tail${E}`)).toBe("tail");
      const spans = parseAnsi(`${E}[3${E}[32mgreen`);
      expect(spans).toEqual([{ text: "green", style: { fg: "#0dbc79" } }]);
    });

    it("ignores SGR with a private marker or intermediates", () => {
      expect(parseAnsi(`${E}[>4;2mx${E}[1 my`)).toEqual([{ text: "xy", style: PLAIN }]);
    });

    it("parses a megabyte of SGR parameters in linear time", () => {
      const hostile = `${E}[${"1;".repeat(500_000)}31mred${E}[0m`;
      const t0 = performance.now();
      const spans = parseAnsi(hostile);
      expect(performance.now() - t0).toBeLessThan(1500);
      expect(spans).toEqual([{ text: "red", style: { bold: true, fg: "#cd3131" } }]);
    });

    it("caps the spans of one line, keeping all the text", () => {
      const line = Array.from({ length: 5000 }, (_, i) => `${E}[3${i % 2 ? 1 : 2}mx`).join("");
      const spans = parseAnsi(line);
      expect(spans.length).toBe(MAX_SPANS_PER_LINE);
      expect(text(spans)).toBe("x".repeat(5000));
    });
  });
});

describe("stripAnsi", () => {
  it("returns the same string when there is nothing to strip", () => {
    const s = "plain line";
    expect(stripAnsi(s)).toBe(s);
  });
});

describe("spanCss", () => {
  it("maps a style to inline values and swaps colours for inverse video", () => {
    expect(spanCss({ fg: "#ff0000", bold: true, dim: true, italic: true, underline: true })).toEqual({
      color: "#ff0000",
      fontWeight: 700,
      opacity: 0.65,
      fontStyle: "italic",
      textDecoration: "underline",
    });
    expect(spanCss({ inverse: true })).toEqual({ color: VIEWER_BG, backgroundColor: VIEWER_FG });
    expect(spanCss({ inverse: true, fg: "#ff0000", bg: "#00ff00" })).toEqual({ color: "#00ff00", backgroundColor: "#ff0000" });
  });
});
