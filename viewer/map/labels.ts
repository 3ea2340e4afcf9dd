/**
 * Label placement: greedy, by priority. Each label tries the right of its point, then the left,
 * then above; it is hidden when all three collide with a label already placed or with another
 * point. Zooming in spreads the points, so more labels appear.
 */

export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  text: string;
  /** Higher is placed first. */
  priority: number;
  fontSize: number;
}

export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

type Box = [number, number, number, number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Width of a label in px, estimated (no DOM measuring, so it runs in Node and per frame). */
export function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/**
 * Chooses which labels to show and where.
 * @example placeLabels([{ id: "a", x: 10, y: 10, text: "Tijuana", priority: 1, fontSize: 12 }], 800, 600)
 * // => [{ id: "a", x: 17, y: 14, anchor: "start" }]
 */
export function placeLabels(
  candidates: LabelCandidate[],
  width: number,
  height: number,
  /** Areas kept free (x0, y0, x1, y1), e.g. the date and legend drawn in the frame. */
  reserved: [number, number, number, number][] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const boxes: Box[] = candidates.map((c) => [c.x - 4, c.y - 4, c.x + 4, c.y + 4]);
  boxes.push(...reserved);
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  for (const c of sorted) {
    if (c.x < 0 || c.y < 0 || c.x > width || c.y > height) continue;
    const w = labelWidth(c.text, c.fontSize);
    const hgt = c.fontSize;
    const options: [PlacedLabel, Box][] = [
      [
        { id: c.id, x: c.x + 7, y: c.y + hgt * 0.35, anchor: "start" },
        [c.x + 6, c.y - hgt / 2, c.x + 8 + w, c.y + hgt / 2],
      ],
      [
        { id: c.id, x: c.x - 7, y: c.y + hgt * 0.35, anchor: "end" },
        [c.x - 8 - w, c.y - hgt / 2, c.x - 6, c.y + hgt / 2],
      ],
      [
        { id: c.id, x: c.x, y: c.y - 8, anchor: "middle" },
        [c.x - w / 2, c.y - 8 - hgt, c.x + w / 2, c.y - 7],
      ],
    ];
    for (const [label, box] of options) {
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) continue;
      if (
        boxes.some(
          (b, i) => overlaps(box, b) && !(i < candidates.length && candidates[i]!.id === c.id),
        )
      )
        continue;
      placed.push(label);
      boxes.push(box);
      break;
    }
  }
  return placed;
}
