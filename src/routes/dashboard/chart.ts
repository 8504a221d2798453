// What the dashboard's SVG charts share: their width in viewBox units (drawn 1:1 on a 390 px
// phone, scaled on wider screens), colours that read in sunlight, and splitting a long label
// into short lines.
export const WIDTH = 358;

export const COLORS = {
  done: '#0b5d3b',
  inProgress: '#3f8f6b',
  blocked: '#8a5a00',
  notStarted: '#9a9a9a',
  overdue: '#a4161a',
  approved: '#0b5d3b',
  waiting: '#d9a400',
  returned: '#a4161a',
  track: '#ececec',
  text: '#111',
  muted: '#4a4a4a',
} as const;

/** Words into lines of at most `max` characters (a word longer than that stays whole). */
export function wrap(text: string, max: number, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept;
}

/** A cell's green for `n` of at most `max` (none: a light grey). */
export function shade(n: number, max: number): string {
  if (n <= 0 || max <= 0) return '#f3f3f3';
  const t = 0.25 + 0.75 * Math.min(1, n / max);
  // From a light green to the brand's dark green.
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(200, 11)}, ${mix(230, 93)}, ${mix(212, 59)})`;
}

/** Dark cells carry white numbers. */
export const inkOn = (n: number, max: number) => (max > 0 && n / max > 0.45 ? '#fff' : COLORS.text);
