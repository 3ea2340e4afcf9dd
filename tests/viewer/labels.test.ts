import { describe, expect, it } from "vitest";
import { placeLabels } from "../../viewer/map/labels.ts";

describe("placeLabels", () => {
  it("placeLabels(candidates) gives the right side to the higher priority and hides the lowest when all sides are taken", () => {
    const at = (id: string, priority: number) => ({
      id,
      x: 100,
      y: 100,
      text: "Hidalgo",
      priority,
      fontSize: 12,
    });
    const placed = placeLabels([at("d", 1), at("a", 10), at("b", 5), at("c", 3)], 800, 600);
    expect(placed.map((p) => [p.id, p.anchor])).toEqual([
      ["a", "start"],
      ["b", "end"],
      ["c", "middle"],
    ]);
  });

  it("placeLabels(candidates) moves a label to the left when the right side is off the frame", () => {
    const [label] = placeLabels(
      [{ id: "a", x: 790, y: 100, text: "Tijuana", priority: 1, fontSize: 12 }],
      800,
      600,
    );
    expect(label?.anchor).toBe("end");
    expect(label!.x).toBeLessThan(790);
  });

  it("placeLabels(candidates, w, h, reserved) keeps reserved areas free", () => {
    const placed = placeLabels(
      [{ id: "a", x: 20, y: 20, text: "Tijuana", priority: 1, fontSize: 12 }],
      800,
      600,
      [[0, 0, 200, 60]],
    );
    expect(placed).toEqual([]);
  });

  it("placeLabels shows every label when points are far apart", () => {
    const candidates = Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      x: 50 + i * 70,
      y: 50 + (i % 2) * 200,
      text: "Place",
      priority: i,
      fontSize: 12,
    }));
    expect(placeLabels(candidates, 800, 600)).toHaveLength(10);
  });
});
