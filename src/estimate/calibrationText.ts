/**
 * The self-calibration's note (`Widening.tooFew`, calibrate.ts) in English and Spanish: said from
 * its values (how many reports of positions and figures the dataset holds, `Widening.kmReports`
 * and `sizeReports`), as the estimator's warnings are (warningText.ts). report.json keeps the
 * English sentence; the command line (`--lang es`) says it from the values.
 */
import { MIN_JUDGED } from "./minJudged.ts";

/** The languages the note is said in. */
export type CalibrationLang = "en" | "es";

/** Which intervals are left as the model gives them. */
type Unjudged = "both" | "km" | "size";

/** The words of the note, by language. */
const WORDS: Record<
  CalibrationLang,
  {
    km: (n: number) => string;
    size: (n: number) => string;
    and: string;
    fewer: (both: boolean) => string;
    left: Record<Unjudged, string>;
  }
> = {
  en: {
    km: (n) => `${n} report${n === 1 ? "" : "s"} of positions`,
    size: (n) => `${n} figure${n === 1 ? "" : "s"}`,
    and: " and ",
    fewer: (both) => `fewer than ${MIN_JUDGED}${both ? " each" : ""}: too few to judge`,
    left: {
      both: "intervals not widened",
      km: "km intervals not widened",
      size: "size intervals not widened",
    },
  },
  es: {
    km: (n) => `${n} ${n === 1 ? "reporte" : "reportes"} de posición`,
    size: (n) => `${n} ${n === 1 ? "cifra" : "cifras"}`,
    and: " y ",
    fewer: (both) =>
      `menos de ${MIN_JUDGED}${both ? " cada uno" : ""}: demasiado pocos para juzgar`,
    left: {
      both: "los intervalos no se ensanchan",
      km: "los intervalos de km no se ensanchan",
      size: "los intervalos de tamaño no se ensanchan",
    },
  },
};

/**
 * The note saying the dataset has too few reports of positions or figures for the
 * self-calibration to judge by (fewer than MIN_JUDGED), in `lang`; undefined when both can be
 * judged by.
 * @example
 * tooFewText(5, 4, "es");
 * // => "5 reportes de posición y 4 cifras, menos de 10 cada uno: demasiado pocos para juzgar; los intervalos no se ensanchan"
 */
export function tooFewText(
  kmReports: number,
  sizeReports: number,
  lang: CalibrationLang = "en",
): string | undefined {
  const w = WORDS[lang];
  const kmFew = kmReports < MIN_JUDGED;
  const sizeFew = sizeReports < MIN_JUDGED;
  if (!kmFew && !sizeFew) return undefined;
  const few = [...(kmFew ? [w.km(kmReports)] : []), ...(sizeFew ? [w.size(sizeReports)] : [])];
  const which: Unjudged = kmFew && sizeFew ? "both" : kmFew ? "km" : "size";
  return `${few.join(w.and)}, ${w.fewer(which === "both")}; ${w.left[which]}`;
}
