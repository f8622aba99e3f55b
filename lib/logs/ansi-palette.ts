// The 16 base colours, readable on the viewer's dark panel (VS Code's terminal palette).
const BASE16 = [
  "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
  "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
];
const CUBE = [0, 95, 135, 175, 215, 255];

const hex2 = (v: number) => v.toString(16).padStart(2, "0");

export function rgbToHex(r: number, g: number, b: number): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

/** xterm's 256-colour table: 16 base colours, a 6x6x6 cube, 24 greys. */
export function ansi256ToHex(n: number): string {
  if (n < 16) return BASE16[n]!;
  if (n < 232) {
    const i = n - 16;
    return rgbToHex(CUBE[Math.floor(i / 36)]!, CUBE[Math.floor(i / 6) % 6]!, CUBE[i % 6]!);
  }
  const g = 8 + 10 * (n - 232);
  return rgbToHex(g, g, g);
}
