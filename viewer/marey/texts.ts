/** Texts of the time–distance chart and the evidence panel, in English and Spanish. */
import type { Lang } from "../state.ts";
import { situationWords } from "../../src/index.ts";

const en = {
  chartTitle: "Time–distance chart",
  chartLabel: (groups: number, reports: number, from: string, to: string, route: string) =>
    `Time–distance chart: ${groups} groups and ${reports} reports from ${from} to ${to}, km along the ${route} route down the side. The table below lists the same.`,
  noPlace: "no place",
  kmAxis: "km along the route",
  legendBody: "body (tail–head)",
  legendInterval: "90 % interval",
  legendMedian: "median person",
  legendHollow: "hollow: set aside (outlier) or rejected",
  legendBar: "bar: a size range",
  legendCount: "square: border count",
  legendShelter: "diamond: people present (red: over capacity)",
  tableSummary: "Chart data as a table",
  tableReports: "Reports",
  tableGroups: "Groups by day",
  colId: "Report",
  colDate: "Date",
  colKm: "Km",
  colPlace: "Place",
  colGroup: "Group",
  colSource: "Source type",
  colPeople: "People",
  colStatus: "Status",
  colSize: "People (estimate)",
  colKmRange: "Tail–head km",
  keys: "Chart keys: ←/→ one day, ↑/↓ previous/next group, Enter shows the evidence.",
  /**
   * The cursor's note when the day shown (`date`) is after the chart's last day (`edge`), or
   * before its first.
   */
  beyond: (date: string, edge: string) => `${date}: after the chart's last day (${edge}) →`,
  before: (date: string, edge: string) => `← ${date}: before the chart's first day (${edge})`,
  // One word table for source kinds: the situation update's (src/report/words.ts).
  sourceTypes: situationWords("en").sourceTypes as Readonly<Record<string, string>>,
  status: {
    used: "used",
    outlier: "set aside (outlier)",
    accepted: "accepted by analyst",
    rejected: "rejected by analyst",
    left_out: "left out",
  } as Record<string, string>,
};

const es: typeof en = {
  chartTitle: "Gráfico tiempo–distancia",
  chartLabel: (groups, reports, from, to, route) =>
    `Gráfico tiempo–distancia: ${groups} grupos y ${reports} reportes del ${from} al ${to}, km a lo largo de la ruta ${route} en el eje vertical. La tabla de abajo lista lo mismo.`,
  noPlace: "sin lugar",
  kmAxis: "km a lo largo de la ruta",
  legendBody: "cuerpo (cola–cabeza)",
  legendInterval: "intervalo del 90 %",
  legendMedian: "persona mediana",
  legendHollow: "hueco: descartado (atípico) o rechazado",
  legendBar: "barra: un rango de tamaño",
  legendCount: "cuadrado: conteo fronterizo",
  legendShelter: "rombo: personas presentes (rojo: sobre la capacidad)",
  tableSummary: "Datos del gráfico como tabla",
  tableReports: "Reportes",
  tableGroups: "Grupos por día",
  colId: "Reporte",
  colDate: "Fecha",
  colKm: "Km",
  colPlace: "Lugar",
  colGroup: "Grupo",
  colSource: "Tipo de fuente",
  colPeople: "Personas",
  colStatus: "Estado",
  colSize: "Personas (estimación)",
  colKmRange: "Km cola–cabeza",
  keys: "Teclas del gráfico: ←/→ un día, ↑/↓ grupo anterior/siguiente, Intro muestra la evidencia.",
  beyond: (date: string, edge: string) => `${date}: después del último día del gráfico (${edge}) →`,
  before: (date: string, edge: string) => `← ${date}: antes del primer día del gráfico (${edge})`,
  sourceTypes: situationWords("es").sourceTypes as Readonly<Record<string, string>>,
  status: {
    used: "usado",
    outlier: "descartado (atípico)",
    accepted: "aceptado por analista",
    rejected: "rechazado por analista",
    left_out: "no usado",
  },
};

export const MAREY_TEXTS: Record<Lang, typeof en> = { en, es };
export type MareyTexts = typeof en;
