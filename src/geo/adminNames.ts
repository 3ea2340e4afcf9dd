/**
 * Names of the first-level administrative units (departments, states) of the corridor countries,
 * keyed by their admin-1 P-code as the embedded places carry it (`GT12` San Marcos, `MX07`
 * Chiapas). Sources: Guatemala's INE department codes, Honduras' INE department codes, Mexico's
 * INEGI state codes, El Salvador's departments in alphabetical order as OCHA's global P-code
 * table (HDX) numbers them (`SV01` Ahuachapán, `SV10` San Salvador, `SV12` Santa Ana there; the
 * embedded places' `SV13` Sonsonate fits too). A code in another scheme (`GTM012`, INEGI's `07`)
 * is not matched: the country decides (see `isAdmin1Name`).
 * Used to tell "Tecún Umán, San Marcos" (the town with its department) from "Tecún Umán
 * (puente)" (another point in the town).
 */
import { normalizeName } from "./normalizeName.ts";

const ADMIN1: Readonly<Record<string, readonly string[]>> = {
  GT: [
    "Guatemala",
    "El Progreso",
    "Sacatepéquez",
    "Chimaltenango",
    "Escuintla",
    "Santa Rosa",
    "Sololá",
    "Totonicapán",
    "Quetzaltenango",
    "Suchitepéquez",
    "Retalhuleu",
    "San Marcos",
    "Huehuetenango",
    "Quiché",
    "Baja Verapaz",
    "Alta Verapaz",
    "Petén",
    "Izabal",
    "Zacapa",
    "Chiquimula",
    "Jalapa",
    "Jutiapa",
  ],
  HN: [
    "Atlántida",
    "Colón",
    "Comayagua",
    "Copán",
    "Cortés",
    "Choluteca",
    "El Paraíso",
    "Francisco Morazán",
    "Gracias a Dios",
    "Intibucá",
    "Islas de la Bahía",
    "La Paz",
    "Lempira",
    "Ocotepeque",
    "Olancho",
    "Santa Bárbara",
    "Valle",
    "Yoro",
  ],
  MX: [
    "Aguascalientes",
    "Baja California",
    "Baja California Sur",
    "Campeche",
    "Coahuila",
    "Colima",
    "Chiapas",
    "Chihuahua",
    "Ciudad de México",
    "Durango",
    "Guanajuato",
    "Guerrero",
    "Hidalgo",
    "Jalisco",
    "México",
    "Michoacán",
    "Morelos",
    "Nayarit",
    "Nuevo León",
    "Oaxaca",
    "Puebla",
    "Querétaro",
    "Quintana Roo",
    "San Luis Potosí",
    "Sinaloa",
    "Sonora",
    "Tabasco",
    "Tamaulipas",
    "Tlaxcala",
    "Veracruz",
    "Yucatán",
    "Zacatecas",
  ],
  SV: [
    "Ahuachapán",
    "Cabañas",
    "Chalatenango",
    "Cuscatlán",
    "La Libertad",
    "La Paz",
    "La Unión",
    "Morazán",
    "San Miguel",
    "San Salvador",
    "San Vicente",
    "Santa Ana",
    "Sonsonate",
    "Usulután",
  ],
};

/** ISO 3166 alpha-3 → the two letters that start its P-codes. */
const PCODE_PREFIX: Readonly<Record<string, string>> = {
  GTM: "GT",
  HND: "HN",
  MEX: "MX",
  SLV: "SV",
};

/** Extra ways the units are written (normalised): `CDMX`, `Edomex`, `DF`. */
const ALSO: Readonly<Record<string, string>> = {
  cdmx: "MX09",
  df: "MX09",
  "distrito federal": "MX09",
  edomex: "MX15",
  "estado de mexico": "MX15",
  "veracruz de ignacio de la llave": "MX30",
  "coahuila de zaragoza": "MX05",
  "michoacan de ocampo": "MX16",
  "el quiche": "GT14",
  "baja california norte": "MX02",
};

/**
 * Mexico's state abbreviations as written in addresses (the customary ones INEGI and the postal
 * service use: `Chis.`, `B.C.`, `Q. Roo`), keyed by their letters alone, lower case (`chis`,
 * `bc`, `qroo`), so that `Chis.`, `Chis` and `CHIS` are one.
 */
const MX_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ags: "MX01",
  bc: "MX02",
  bcn: "MX02",
  bcs: "MX03",
  camp: "MX04",
  coah: "MX05",
  col: "MX06",
  chis: "MX07",
  chih: "MX08",
  dgo: "MX10",
  gto: "MX11",
  gro: "MX12",
  hgo: "MX13",
  jal: "MX14",
  mex: "MX15",
  edomex: "MX15",
  mich: "MX16",
  mor: "MX17",
  nay: "MX18",
  nl: "MX19",
  oax: "MX20",
  pue: "MX21",
  qro: "MX22",
  qroo: "MX23",
  slp: "MX24",
  sin: "MX25",
  son: "MX26",
  tab: "MX27",
  tamps: "MX28",
  tlax: "MX29",
  ver: "MX30",
  yuc: "MX31",
  zac: "MX32",
};

/** A title before a unit's name: `Depto. San Marcos`, `Departamento de Cortés`, `Edo. de Chiapas`. */
const TITLE = /^(?:dep(?:artamen)?to|dpto|estado|edo)(?:\.\s*|\s+)(?:del?\s+)?(?=\p{L})/iu;

/** Normalised unit name → its admin-1 P-codes (`La Paz` is in Honduras and El Salvador). */
const BY_NAME: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    const list = m.get(name) ?? [];
    list.push(code);
    m.set(name, list);
  };
  for (const [prefix, names] of Object.entries(ADMIN1))
    names.forEach((n, i) => add(normalizeName(n), `${prefix}${String(i + 1).padStart(2, "0")}`));
  for (const [n, code] of Object.entries(ALSO)) add(n, code);
  return m;
})();

/**
 * Whether `text` names the department or state `adm1Pcode` (any unit of `country` when the place
 * has no admin-1 P-code). Matching ignores case and accents.
 * @example
 * isAdmin1Name("San Marcos", "GT12", "GTM"); // => true
 * isAdmin1Name("puente", "GT12", "GTM");     // => false
 */
export function isAdmin1Name(
  text: string,
  adm1Pcode: string | undefined,
  country: string | undefined,
): boolean {
  const codes = unitCodes(text);
  if (!codes) return false;
  // A code in this table's scheme (`GT12`) is matched exactly; another scheme (`GTM012`, INEGI's
  // `07`, `MX-CHP`) cannot be, so the country decides, as for a place with no admin-1 code.
  const ours = adm1Pcode !== undefined && /^[A-Z]{2}\d{2}$/i.test(adm1Pcode);
  if (ours) return codes.includes(adm1Pcode.toUpperCase());
  const prefix = country !== undefined ? PCODE_PREFIX[country] : undefined;
  return prefix === undefined || codes.some((c) => c.startsWith(prefix));
}

/** The admin-1 P-codes a unit's name, abbreviation or titled name reads as; undefined for none. */
function unitCodes(text: string): readonly string[] | undefined {
  const bare = text.trim().replace(TITLE, "");
  const byName = BY_NAME.get(normalizeName(bare)) ?? BY_NAME.get(normalizeName(text));
  if (byName) return byName;
  const letters = normalizeName(bare).replace(/ /g, "");
  const mx = MX_ABBREVIATIONS[letters];
  return mx !== undefined ? [mx] : undefined;
}
