/**
 * The scenario panel's form: one labelled field per value of scenario.json, bound to it by its
 * JSON pointer (so the validator's errors land under the field they name). Explicit state in
 * (`FormContext`), the form's children out; the panel owns the state and re-renders.
 */
import { GENERIC_MOVEMENT, SPHERE_2018 } from "../../src/index.ts";
import type { Composition, NumberOrRange, ScenarioInput, Wave } from "../../src/index.ts";
import type { Lang } from "../state.ts";
import { fileButton } from "../fileButton.ts";
import { button, download, el } from "./dom.ts";
import {
  formatNumberOrRange,
  parseNumber,
  parseNumberOrRange,
  PLANNING_KEYS,
  pruneInput,
  slug,
} from "./model.ts";
import type { CorridorInfo } from "./protocol.ts";
import { scenarioText } from "./texts.ts";
import type { ScenarioTextKey } from "./texts.ts";
import { PLANNING_TEXT } from "./texts.ts";

/** A form control and the element its error goes into. */
export interface FieldRef {
  control: HTMLElement;
  error: HTMLElement;
}

/** What the form is built from, and how it reports back. */
export interface FormContext {
  lang: Lang;
  /** The scenario being edited; the fields write into it. */
  input: ScenarioInput;
  corridor?: CorridorInfo;
  exampleNames: readonly string[];
  /** Filled by the form: its fields by JSON pointer. */
  fields: Map<string, FieldRef>;
  /** A fresh number for element ids. */
  nextId(): number;
  /** A field was edited (clear its error). */
  edited(pointer: string): void;
  /** Re-render the form (after adding or removing a row), focusing a field. */
  rerender(focusPointer?: string): void;
  /** An example was chosen, or a file given. */
  chooseExample(name: string): void;
  loadFile(file: File | undefined): void;
  /** The list of errors without a field, and the run row (buttons, progress, status). */
  topErrors: HTMLElement;
  runRow: HTMLElement;
}

const COMPOSITION_KEYS: readonly (keyof Composition)[] = [
  "men",
  "women",
  "children",
  "unaccompaniedChildren",
];
const COMPOSITION_TEXT: Record<keyof Composition, ScenarioTextKey> = {
  men: "men",
  women: "women",
  children: "children",
  unaccompaniedChildren: "unaccompanied",
};
const MOVEMENT_FIELDS = [
  ["restDayProbability", "restDay"],
  ["rideProbability", "ride"],
  ["walkKmPerDay", "walkKm"],
  ["rideKmPerDay", "rideKm"],
  ["cohesion", "cohesion"],
] as const;

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** Sets `obj[key]`, or deletes it for a blank value. */
export function setKey<T extends object>(obj: T, key: keyof T, value: unknown): void {
  if (value === undefined || value === "") delete obj[key];
  else (obj as Record<keyof T, unknown>)[key] = value;
}

interface FieldOptions {
  type?: string;
  placeholder?: string;
  list?: string;
  hint?: string;
  wide?: boolean;
}

/** A labelled input bound to the value at `pointer`; its error text goes right under it. */
function field(
  ctx: FormContext,
  pointer: string,
  label: string,
  value: string,
  set: (text: string) => void,
  opts: FieldOptions = {},
): HTMLElement {
  const id = `sc-${ctx.nextId()}`;
  const control = el("input", {
    id,
    name: pointer,
    type: opts.type ?? "text",
    placeholder: opts.placeholder,
    list: opts.list,
    "data-pointer": pointer,
    autocomplete: "off",
    "aria-describedby": opts.hint ? `${id}-hint` : undefined,
  });
  control.value = value;
  // A date input empties a value it cannot hold (15/01/2019, 2019-02-30): show such a value as
  // written, in a text box, so the validator's message beside it ("use 2019-01-15") has
  // something to point at and nothing the file said is lost from the form or its download.
  if (value !== "" && control.value !== value) {
    control.type = "text";
    control.value = value;
  }
  control.addEventListener("input", () => {
    set(control.value);
    ctx.edited(pointer);
  });
  const error = el("p", { id: `${id}-err`, class: "field-error", hidden: true });
  ctx.fields.set(pointer, { control, error });
  return el(
    "div",
    { class: opts.wide ? "field wide" : "field", "data-field": pointer },
    el("label", { for: id }, label),
    control,
    opts.hint ? el("span", { id: `${id}-hint`, class: "hint" }, opts.hint) : null,
    error,
  );
}

const t = (ctx: FormContext, key: ScenarioTextKey) => scenarioText(ctx.lang, key);

/** Departure date(s) of a wave: a date, or from–to. */
function dateFields(ctx: FormContext, wave: Wave, p: string): HTMLElement[] {
  const date = wave.date as unknown;
  const range = typeof date === "object" && date ? (date as { from?: unknown; to?: unknown }) : {};
  let fromText = typeof date === "object" && date ? str(range.from) : str(date);
  let toText = str(range.to);
  const setDate = () => setKey(wave, "date", toText ? { from: fromText, to: toText } : fromText);
  const from = (v: string) => ((fromText = v), setDate());
  const to = (v: string) => ((toText = v), setDate());
  return [
    field(ctx, `${p}/date`, t(ctx, "dateFrom"), fromText, from, { type: "date" }),
    field(ctx, `${p}/date/to`, t(ctx, "dateTo"), toText, to, { type: "date" }),
  ];
}

/** The composition shares of a wave (blank: the 2018 caravan's). */
function compositionFields(ctx: FormContext, wave: Wave, p: string): HTMLElement {
  const comp = (wave.composition ?? {}) as Partial<Composition>;
  const setComp = (key: keyof Composition, text: string) => {
    const next: Record<string, unknown> = { ...(wave.composition ?? {}) };
    const v = parseNumber(text);
    if (v === undefined) delete next[key];
    else next[key] = v;
    setKey(wave, "composition", Object.keys(next).length ? next : undefined);
  };
  const inputs = COMPOSITION_KEYS.map((k) =>
    field(ctx, `${p}/composition/${k}`, t(ctx, COMPOSITION_TEXT[k]), str(comp[k]), (v) =>
      setComp(k, v),
    ),
  );
  return el(
    "fieldset",
    { class: "composition" },
    el("legend", {}, t(ctx, "composition")),
    el("div", { class: "grid" }, ...inputs),
  );
}

/** One wave: label, origin, dates, people, composition, and a remove button. */
function waveFields(ctx: FormContext, wave: Wave, i: number): HTMLElement {
  const p = `/waves/${i}`;
  const remove = () => {
    ctx.input.waves.splice(i, 1);
    ctx.rerender();
  };
  return el(
    "fieldset",
    { class: "wave", "data-wave": i },
    el("legend", {}, `${t(ctx, "wave")} ${i + 1}`),
    el(
      "div",
      { class: "grid" },
      field(ctx, `${p}/label`, t(ctx, "label"), str(wave.label), (v) => setKey(wave, "label", v)),
      field(
        ctx,
        `${p}/origin`,
        t(ctx, "origin"),
        str(wave.origin),
        (v) => setKey(wave, "origin", v),
        {
          list: "scenario-places",
        },
      ),
      ...dateFields(ctx, wave, p),
      field(
        ctx,
        `${p}/people`,
        t(ctx, "people"),
        formatNumberOrRange(wave.people),
        (v) => setKey(wave, "people", parseNumberOrRange(v)),
        { wide: true },
      ),
    ),
    compositionFields(ctx, wave, p),
    ctx.input.waves.length > 1
      ? button(`${t(ctx, "remove")} (${t(ctx, "wave")} ${i + 1})`, remove, { class: "remove" })
      : null,
  );
}

interface RowColumn<T> {
  key: keyof T & string;
  label: ScenarioTextKey;
  range?: boolean;
  place?: boolean;
}

/** Rows of place-keyed objects (stops, attrition, shelters) with add / remove buttons. */
function rows<T extends object>(
  ctx: FormContext,
  list: T[],
  base: string,
  columns: RowColumn<T>[],
  add: () => T,
  addLabel: ScenarioTextKey,
): HTMLElement[] {
  const parse = (c: RowColumn<T>, v: string) =>
    c.place ? v : c.range ? parseNumberOrRange(v) : parseNumber(v);
  const out: HTMLElement[] = list.map((row, i) => {
    const cells = columns.map((c) =>
      field(
        ctx,
        `${base}/${i}/${c.key}`,
        t(ctx, c.label),
        formatNumberOrRange((row as Record<string, unknown>)[c.key]),
        (v) => setKey(row, c.key, parse(c, v)),
        c.place ? { list: "scenario-places" } : {},
      ),
    );
    const name = String((row as Record<string, unknown>)[columns[0]!.key] ?? "") || i + 1;
    const remove = () => {
      list.splice(i, 1);
      ctx.rerender();
    };
    const removeBtn = button(`${t(ctx, "remove")} ${name}`, remove, { class: "remove" });
    return el("div", { class: "row", "data-row": `${base}/${i}` }, ...cells, removeBtn);
  });
  out.push(
    button(t(ctx, addLabel), () => {
      list.push(add());
      ctx.rerender(`${base}/${list.length - 1}/${columns[0]!.key}`);
    }),
  );
  return out;
}

/** Examples, a user's scenario.json, and the form downloaded as one. */
function filesBar(ctx: FormContext): HTMLElement {
  const exampleSel = el("select", { id: "scenario-example" });
  exampleSel.append(
    el("option", { value: "" }, t(ctx, "exampleNone")),
    ...ctx.exampleNames.map((n) => el("option", { value: n }, n)),
  );
  exampleSel.addEventListener("change", () => ctx.chooseExample(exampleSel.value));
  // The viewer's one file picker: a button in the panel's language, not the browser's own input.
  const picker = fileButton(document, {
    id: "scenario-file",
    accept: ".json,application/json",
    text: t(ctx, "loadFile"),
    onFiles: (files) => ctx.loadFile(files[0]),
  });
  const save = () =>
    download(
      `${slug(ctx.input.name ?? "scenario")}.json`,
      `${JSON.stringify(pruneInput(structuredClone(ctx.input)), null, 2)}\n`,
      "application/json",
    );
  return el(
    "div",
    { class: "scenario-files" },
    el("label", { for: "scenario-example" }, t(ctx, "example")),
    exampleSel,
    picker.element,
    button(t(ctx, "downloadJson"), save),
  );
}

/** Runs, seed, horizon, first day. */
function generalFieldset(ctx: FormContext): HTMLElement {
  const input = ctx.input;
  const number = (key: "runs" | "seed" | "horizonDays") => (v: string) =>
    setKey(input, key, parseNumber(v));
  return el(
    "fieldset",
    {},
    el("legend", {}, t(ctx, "general")),
    el(
      "div",
      { class: "grid" },
      field(ctx, "/runs", t(ctx, "runs"), str(input.runs), number("runs"), { placeholder: "1000" }),
      field(ctx, "/seed", t(ctx, "seed"), str(input.seed), number("seed"), { placeholder: "1" }),
      field(ctx, "/horizonDays", t(ctx, "horizon"), str(input.horizonDays), number("horizonDays"), {
        placeholder: "120",
      }),
      field(ctx, "/start", t(ctx, "start"), str(input.start), (v) => setKey(input, "start", v), {
        type: "date",
      }),
    ),
  );
}

/** The waves, and a button adding one like the last. */
function wavesFieldset(ctx: FormContext): HTMLElement {
  const waves = ctx.input.waves;
  const addWave = () => {
    const last = waves[waves.length - 1];
    const date = typeof last?.date === "string" ? last.date : "";
    waves.push({ origin: last?.origin ?? "", date, people: 1000 });
    ctx.rerender(`/waves/${waves.length - 1}/origin`);
  };
  return el(
    "fieldset",
    { class: "waves" },
    el("legend", {}, t(ctx, "waves")),
    ...waves.map((wave, i) => waveFields(ctx, wave, i)),
    button(t(ctx, "addWave"), addWave),
  );
}

/** The route (a select of the corridor's routes) and the destination. */
function routeFieldset(ctx: FormContext): HTMLElement {
  const input = ctx.input;
  const routeSel = el("select", { id: "scenario-route", name: "/route", "data-pointer": "/route" });
  const routeIds = ctx.corridor?.routes ?? [];
  routeSel.append(
    el("option", { value: "" }, "—"),
    ...routeIds.map((r) => el("option", { value: r.id }, `${r.id} · ${r.name}`)),
  );
  if (typeof input.route === "string") {
    if (!routeIds.some((r) => r.id === input.route))
      routeSel.append(el("option", { value: input.route }, input.route));
    routeSel.value = input.route;
  }
  routeSel.addEventListener("change", () => {
    setKey(input, "route", routeSel.value);
    ctx.edited("/route");
  });
  const routeErr = el("p", { id: "scenario-route-err", class: "field-error", hidden: true });
  ctx.fields.set("/route", { control: routeSel, error: routeErr });
  const route = el(
    "div",
    { class: "field", "data-field": "/route" },
    el("label", { for: "scenario-route" }, t(ctx, "route")),
    routeSel,
    routeErr,
  );
  const destination = field(
    ctx,
    "/destination",
    t(ctx, "destination"),
    str(input.destination),
    (v) => setKey(input, "destination", v),
    { list: "scenario-places" },
  );
  return el(
    "fieldset",
    {},
    el("legend", {}, t(ctx, "routeAndDestination")),
    el("div", { class: "grid" }, route, destination),
  );
}

/** "Like 2018", the movement fields (blank: like 2018 or generic), the leave rate. */
function movementGrid(ctx: FormContext): HTMLElement[] {
  const input = ctx.input;
  const like = input.like === "2018";
  const movement = (input.movement ??= {});
  const likeBox = el("input", { type: "checkbox", id: "scenario-like" });
  likeBox.checked = like;
  likeBox.addEventListener("change", () => {
    setKey(input, "like", likeBox.checked ? "2018" : undefined);
    ctx.rerender("/like");
  });
  ctx.fields.set("/like", {
    control: likeBox,
    error: el("p", { class: "field-error", hidden: true }),
  });
  const blank = like ? t(ctx, "blankLike2018") : t(ctx, "blankGeneric");
  const hint = (k: (typeof MOVEMENT_FIELDS)[number][0]) =>
    like ? blank : `${blank}: ${formatNumberOrRange(GENERIC_MOVEMENT[k] as NumberOrRange)}`;
  const fields = MOVEMENT_FIELDS.map(([k, label]) =>
    field(
      ctx,
      `/movement/${k}`,
      t(ctx, label),
      formatNumberOrRange(movement[k]),
      (v) => setKey(movement, k, k === "cohesion" ? parseNumber(v) : parseNumberOrRange(v)),
      { placeholder: hint(k) },
    ),
  );
  const leave = field(
    ctx,
    "/destinationLeavePerDay",
    t(ctx, "leave"),
    formatNumberOrRange(input.destinationLeavePerDay),
    (v) => setKey(input, "destinationLeavePerDay", parseNumberOrRange(v)),
    { placeholder: like ? blank : `${blank}: 0` },
  );
  return [
    el("label", { class: "check" }, likeBox, ` ${t(ctx, "like2018")}`),
    el("div", { class: "grid" }, ...fields, leave),
  ];
}

/** Movement, its stops and the attrition rules. */
function movementFieldset(ctx: FormContext): HTMLElement {
  const stops = ((ctx.input.movement ??= {}).stops ??= []);
  const attrition = (ctx.input.attrition ??= []);
  const place = { key: "place", label: "place", place: true } as const;
  return el(
    "fieldset",
    {},
    el("legend", {}, t(ctx, "movement")),
    ...movementGrid(ctx),
    el(
      "fieldset",
      { class: "rows" },
      el("legend", {}, t(ctx, "stops")),
      ...rows(
        ctx,
        stops,
        "/movement/stops",
        [place, { key: "days", label: "days", range: true }],
        () => ({ place: "", days: 2 }),
        "addStop",
      ),
    ),
    el(
      "fieldset",
      { class: "rows" },
      el("legend", {}, t(ctx, "attrition")),
      ...rows(
        ctx,
        attrition,
        "/attrition",
        [
          place,
          { key: "asylumClaim", label: "asylum", range: true },
          { key: "return", label: "returns", range: true },
          { key: "stay", label: "stay", range: true },
        ],
        () => ({ place: "" }),
        "addRule",
      ),
    ),
  );
}

/** Shelter capacities. */
function sheltersFieldset(ctx: FormContext): HTMLElement {
  const shelters = (ctx.input.shelters ??= []);
  return el(
    "fieldset",
    { class: "rows" },
    el("legend", {}, t(ctx, "shelters")),
    ...rows(
      ctx,
      shelters,
      "/shelters",
      [
        { key: "place", label: "place", place: true },
        { key: "capacity", label: "capacity" },
      ],
      () => ({ place: "", capacity: 1000 }),
      "addShelter",
    ),
  );
}

/** The six planning figures, each with its Sphere 2018 default as placeholder and hint. */
function planningFieldset(ctx: FormContext): HTMLElement {
  const planning = (ctx.input.planning ??= {});
  const fields = PLANNING_KEYS.map((k) =>
    field(
      ctx,
      `/planning/${k}`,
      t(ctx, PLANNING_TEXT[k]),
      str(planning[k]),
      (v) => setKey(planning, k, parseNumber(v)),
      { placeholder: String(SPHERE_2018[k]), hint: `${t(ctx, "sphere")}: ${SPHERE_2018[k]}` },
    ),
  );
  return el(
    "fieldset",
    {},
    el("legend", {}, t(ctx, "planning")),
    el("div", { class: "grid" }, ...fields),
  );
}

/** The form's children, in order; `ctx.fields` holds its fields afterwards. */
export function buildForm(ctx: FormContext): HTMLElement[] {
  const input = ctx.input;
  const datalist = el("datalist", { id: "scenario-places" });
  // The value is the gazetteer's name (what scenario.json holds); in Spanish the picker shows the
  // place's Spanish name beside it (Ciudad de México).
  for (const name of ctx.corridor?.places ?? []) {
    const es = ctx.lang === "es" ? ctx.corridor?.namesEs?.[name] : undefined;
    datalist.append(el("option", { value: name, ...(es ? { label: es } : {}) }));
  }
  return [
    filesBar(ctx),
    ctx.topErrors,
    field(ctx, "/name", t(ctx, "name"), str(input.name), (v) => setKey(input, "name", v), {
      wide: true,
    }),
    generalFieldset(ctx),
    wavesFieldset(ctx),
    routeFieldset(ctx),
    movementFieldset(ctx),
    sheltersFieldset(ctx),
    planningFieldset(ctx),
    ctx.runRow,
    datalist,
  ];
}
