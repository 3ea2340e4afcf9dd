// Writes the sample files of data/samples/ (synthetic, field-like; see README.md there).
// Run: npx tsx data/samples/make-samples.ts  — output is deterministic.
import { writeFileSync } from "node:fs";
import { writeXlsx } from "../../src/export/xlsx.ts";

const dir = new URL("./", import.meta.url);
const write = (name: string, content: string | Uint8Array) => writeFileSync(new URL(name, dir), content);

/** Windows-1252 bytes of a text with only Latin-1 letters (what Excel's plain CSV save writes). */
function cp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`not encodable in Windows-1252: ${text[i]}`);
    out[i] = c;
  }
  return out;
}

const q = (cells: (string | number)[]) => cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(";");

// 1. Kobo-style export: `;`, every field quoted, group prefixes, XML names in Spanish, HXL row.
const koboHeader = [
  "start", "end", "grp_conteo/fecha", "grp_conteo/punto", "grp_conteo/nombre_punto",
  "grp_conteo/direccion", "grp_conteo/total_personas", "grp_conteo/hombres", "grp_conteo/mujeres",
  "grp_conteo/ninos", "grp_conteo/ninas", "grp_conteo/nna_no_acompanados", "grp_conteo/nacionalidad",
  "transporte", "transporte/a_pie", "transporte/bus", "ubicacion", "_ubicacion_latitude",
  "_ubicacion_longitude", "observaciones", "_id", "_uuid", "_submission_time", "_validation_status", "_index",
];
const koboHxl = [
  "", "", "#date+occurred", "#loc+code", "#loc+name", "#x_direction", "#affected+ind",
  "#affected+ind+m+adults", "#affected+ind+f+adults", "#affected+ind+m+children",
  "#affected+ind+f+children", "#affected+ind+children+unaccompanied", "#country+code+nationality",
  "", "", "", "#geo+coord", "#geo+lat", "#geo+lon", "#description", "", "#meta+id", "", "", "",
];
type KoboRow = [string, string, number | string, number, number, number, number, number | string, string, string, string];
const koboRows: KoboRow[] = [
  // date, direction, total, men, women, boys, girls, uac, nationality, transport, notes
  ["2018-10-19", "norte", 1345, 702, 389, 131, 123, 17, "HND", "a_pie", "Llegada del primer grupo al puente"],
  ["2018-10-19", "sur", 38, 20, 9, 5, 4, 0, "HND", "bus", ""],
  ["2018-10-20", "norte", 2180, 1120, 640, 220, 200, 31, "HND", "a_pie bus", "Muchos esperan en el parque central"],
  ["2018-10-20", "sur", 61, 33, 18, 6, 4, "N/A", "GTM", "bus", "uac no registrado"],
  ["2018-10-21", "norte", 1560, 800, 460, 160, 140, 22, "HND", "a_pie", ""],
  ["2018-10-21", "sur", 95, 50, 30, 8, 7, 1, "HND", "bus", "Retorno asistido"],
  ["2018-10-22", "norte", 420, 230, 120, 40, 30, 6, "SLV", "a_pie", ""],
  ["2018-10-22", "sur", 140, 70, 50, 60, 10, 2, "HND", "bus", "error de digitación: partes > total"],
  ["2018-10-23", "norte", 310, 160, 90, 35, 25, 4, "hondureña", "a_pie", ""],
  ["2018-10-23", "sur", 120, 60, 40, 12, 8, 0, "HND", "bus", ""],
  ["2018-10-24", "norte", 255, 130, 75, 28, 22, 3, "GTM;SLV", "a_pie", "nacionalidad mixta"],
];
const koboLines = [q(koboHeader), q(koboHxl)];
koboRows.forEach((r, i) => {
  const [date, dir, total, men, women, boys, girls, uac, nat, transport, notes] = r;
  const uuid = `6f1c${String(1000 + i)}-0b2e-4c1a-9a51-2018tecun${i}`;
  koboLines.push(
    q([
      `${date}T07:5${i % 10}:00.000-06:00`, `${date}T18:0${i % 10}:00.000-06:00`, date, "GT-TEC", "Tecún Umán",
      dir, total, men, women, boys, girls, uac, nat, transport,
      transport.includes("a_pie") ? 1 : 0, transport.includes("bus") ? 1 : 0,
      "14.6773 -92.1404 0 5", "14.6773", "-92.1404", notes, 48700 + i, uuid,
      `${date}T23:1${i % 10}:04`, "validation_status_approved", i + 1,
    ]),
  );
});
// A resubmission: same _uuid as the 3rd row, edited on the phone and sent again.
{
  const r = koboRows[2]!;
  const i = 2;
  koboLines.push(
    q([
      `${r[0]}T07:52:00.000-06:00`, `${r[0]}T18:02:00.000-06:00`, r[0], "GT-TEC", "Tecún Umán", r[1], 2190,
      1125, 645, 220, 200, 31, r[8], r[9], 1, 1, "14.6773 -92.1404 0 5", "14.6773", "-92.1404",
      "reenvío", 48711, `6f1c${String(1000 + i)}-0b2e-4c1a-9a51-2018tecun${i}`, `${r[0]}T23:40:00`,
      "", 12,
    ]),
  );
}
write("kobo-conteo-tecun-uman.csv", koboLines.join("\r\n") + "\r\n");

// 2. Excel "CSV" saved on Spanish Windows: Windows-1252, `;`, title rows, dd/mm/yyyy, 1.345, Total row.
const excelLines = [
  "Conteo diario de flujos - frontera Guatemala / México;;;;;;;;;;",
  "Fuente: registro de enumeradores (datos sintéticos de ejemplo);;;;;;;;;;",
  ";;;;;;;;;;",
  "Fecha;Punto de monitoreo;País;Dirección;Total personas;Hombres;Mujeres;Niños;Niñas;NNA no acompañados;Observaciones",
  "19/10/2018;Tecún Umán;Guatemala;Norte;1.345;702;389;131;123;17;Llegada de la caravana",
  "20/10/2018;Tecún Umán;Guatemala;Norte;2.180;1.120;640;220;200;31;",
  "20/10/2018;Ciudad Hidalgo;México;Norte;ND;;;;;;cruce por el río",
  "21/10/2018;Ciudad Hidalgo;México;Norte;;820;470;150;130;25;total en blanco: suma de las partes",
  "22/10/2018;El Carmen;Guatemala;Norte;85;40;25;10;10;2;punto no registrado",
  "23/10/2018;Tecún Umán;Guatemala;Sur;40;22;10;5;3;-;Retornos",
  "24/10/2018;Tecún Umán;Guatemala;Norte;-12;;;;;;error",
  "25/10/2018;Tecun Uman;Guatemala;Norte;310;150;90;40;30;80;NNA > niños",
  "26/10/2018;Tapachula;México;Norte;1.050;540;300;110;100;14;",
  "Total;;;;6.185;;;;;;",
];
write("excel-conteo-windows1252.csv", cp1252(excelLines.join("\r\n") + "\r\n"));

// 3. Workbook with one sheet per point, Excel date cells, a Total row, and a notes sheet.
const d = (iso: string) => new Date(iso + "T00:00:00Z");
const sheetRows = (title: string, rows: [string, string, number, number, number, number][]) => {
  const out: (string | number | Date)[][] = [[title], [], ["Fecha", "Dirección", "Hombres", "Mujeres", "Niños", "Niñas", "Total"]];
  let sum = 0;
  for (const [date, dir, m, w, b, g] of rows) {
    out.push([d(date), dir, m, w, b, g, m + w + b + g]);
    sum += m + w + b + g;
  }
  out.push(["Total", "", "", "", "", "", sum]);
  return out;
};
write(
  "conteo-por-punto.xlsx",
  writeXlsx([
    { name: "Tecún Umán", rows: sheetRows("Punto de monitoreo: Tecún Umán (GT)", [["2018-10-19", "norte", 702, 389, 131, 123], ["2018-10-20", "norte", 1120, 640, 220, 200], ["2018-10-21", "sur", 50, 30, 8, 7]]) },
    { name: "Ciudad Hidalgo", rows: sheetRows("Punto de monitoreo: Ciudad Hidalgo (MX)", [["2018-10-20", "norte", 900, 510, 170, 150], ["2018-10-21", "norte", 610, 350, 120, 100]]) },
    { name: "Tapachula", rows: sheetRows("Punto de monitoreo: Tapachula (MX)", [["2018-10-21", "norte", 2100, 1200, 420, 380], ["2018-10-22", "norte", 3000, 1700, 600, 560]]) },
    { name: "Notas", rows: [["Notas del equipo"], ["Los conteos son por turno de 06:00 a 18:00."], ["Datos sintéticos de ejemplo."]] },
  ]),
);

// 4. Sightings with ranges, bounds and Spanish dates (UTF-8 with BOM, `,`).
const sightings = [
  "fecha y hora,lugar,país,caravana,cantidad,método,fuente,tipo de fuente,confianza,observaciones",
  '"13 de octubre de 2018 06:00",San Pedro Sula,Honduras,Caravana 13-oct-2018 SPS,"entre 1.000 y 1.500",conteo,OIM,dtm,alta,salida desde la terminal',
  '15-oct-18,Agua Caliente,Honduras,Caravana 13-oct-2018 SPS,más de 2.000,medios,La Prensa,prensa,media,cruce en Agua Caliente',
  '19 de octubre de 2018,Tecún Umán,Guatemala,Caravana 13-oct-2018 SPS,4.000–10.000,densidad,ACNUR,onu,media,puente Rodolfo Robles',
  '21/10/2018 14:30,Tapachula,México,Caravana 13-oct-2018 SPS,aprox. 7.000,conteo,Gobierno de México,gobierno,media,',
  '22/10/2018,Huixtla,México,Caravana 13-oct-2018 SPS,entre 5.000 y 7.200,medios,Reuters,medios,baja,',
  '24 oct 2018,Mapastepec,México,Caravana 13-oct-2018 SPS,"5.000",conteo,CNDH,gobierno,media,',
  '25 de octubre de 2018,,Honduras,Caravana 13-oct-2018 SPS,7.233,registro,INM,gobierno,alta,cifra nacional sin lugar',
  '26/10/2018,Tapachul,México,Caravana 13-oct-2018 SPS,3.000,medios,diario local,medios,baja,nombre mal escrito',
  '27/10/2018,Arriaga,México,,N/D,medios,redes sociales,redes sociales,baja,solo posición',
  '"31 de octubre de 2018 10:00",San Salvador,El Salvador,Caravana SLV 31-oct,al menos 1.345,densidad (Jacobs),OIM,dtm,alta,Monumento al Divino Salvador del Mundo',
  '2 de noviembre de 2018,La Hachadura,El Salvador,Caravana SLV 31-oct,+1.700,medios,Contrapunto,medios,media,',
];
write("avistamientos-rangos.csv", "\uFEFF" + sightings.join("\n") + "\n");

// 5. Long layout as in DTM's public FMR data (t, fmp, sex, age, n), tab-separated.
const longRows = ["t\tfmp\tdirection\tsex\tage\tn"];
const bands: [string, string, number][] = [["male", "18+", 700], ["female", "18+", 390], ["male", "under 18", 131], ["female", "under 18", 123]];
for (const [day, factor] of [["2018-10-19", 1], ["2018-10-20", 1.5]] as [string, number][]) {
  for (const [sex, age, n] of bands) longRows.push(`${day}\tGT-TEC\tnorthbound\t${sex}\t${age}\t${Math.round(n * factor)}`);
  longRows.push(`${day}\tGT-TEC\tnorthbound\tfemale\tchildren unaccompanied\t${Math.round(9 * factor)}`);
}
write("dtm-largo-sexo-edad.tsv", longRows.join("\n") + "\n");

// 6. Stock figures (as-of dates, categories, cumulative vs present).
write(
  "cifras-stock.csv",
  [
    "fecha;categoría;valor;base;país;lugar;fuente;tipo de fuente;observaciones",
    "2018-11-13;solicitud de asilo;2.697;acumulado;MEX;;COMAR;gobierno;ejemplo sintético",
    "2018-11-13;retorno;1.400;acumulado;MEX;;INM;gobierno;",
    "2018-11-25;permanecen;5.800;presente;MEX;Tijuana;Gobierno municipal;gobierno;albergue Benito Juárez",
    "2018-11-25;visa humanitaria;3.200;acumulado;MEX;;INM;gobierno;",
    "2018-11-30;otra cosa;15;acumulado;MEX;;?;otro;categoría desconocida",
  ].join("\n") + "\n",
);

// 7. Malformed: ragged rows, junk values, an impossible date, an unclosed quote at the end.
write(
  "malformado.csv",
  [
    "fecha,punto,direccion,total",
    "2018-10-20,GT-TEC,norte,120",
    "2018-10-21,GT-TEC,norte",
    "2018-10-22,GT-TEC,norte,abc,extra,celdas",
    ",,,",
    "2018-13-45,GT-TEC,norte,10",
    "2018-10-23,GT-TEC,de lado,10",
    "2018-10-24,GT-TEC,sur,\"7",
    "2018-10-25,GT-TEC,sur,8",
  ].join("\n") + "\n",
);

// 8. Unusable: no date column (exit status 2 with one sentence). (A sheet without a direction
// column is read as direction unknown, with one warning.)
write("sin-columna-fecha.csv", "punto;direccion;total\nGT-TEC;norte;120\n");

// 9. Markup in names, for the viewer's safety test (must be shown as text, never run).
write(
  "avistamiento-nombre-html.csv",
  [
    "observed_at,place_name,lat,lon,caravan_label,size_best,source_org,notes",
    '2018-10-21T10:00:00-06:00,<img src=x onerror=alert(1)>,14.9075,-92.2635,<script>alert(2)</script>,1200,"=HYPERLINK(""http://example.invalid"")",<b>bold</b> & "quotes"',
  ].join("\n") + "\n",
);
// 10. Three years of monthly counts (flow monitoring points run for years), the lines ended by a
// mix of CRLF, LF and lone CR as when files from Windows, Unix and old Mac are pasted together,
// and one mistyped year (2061 for 2016), the only row outside the file's dates.
{
  const breaks = ["\r\n", "\n", "\r"];
  const lines = ["fecha,punto,sentido,total,observaciones"];
  for (let i = 0; i < 36; i++) {
    const y = 2016 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, "0");
    lines.push(`${y}-${m}-01,GT-TEC,norte,${200 + ((i * 37) % 300)},conteo mensual (sintético)`);
  }
  lines.push("2061-05-01,GT-TEC,norte,180,año mal escrito (2016)");
  write("conteo-mensual-2016-2018.csv", lines.map((l, i) => l + breaks[i % 3]).join(""));
}

// 11. A places file that contradicts itself: a repeated place_id, a name given to two places
// 3,178 km apart in one country, and a name shared by two countries (kept, with a warning).
write(
  "lugares-conflictos.csv",
  [
    "place_id,nombre,alias,pais,lat,lon,tipo",
    "MX-TAP,Tapachula,,MEX,14.9075,-92.2635,city",
    "GT-TEC,Tecún Umán,Ciudad Tecún Umán,GTM,14.6773,-92.1404,border_crossing",
    "GT-TEC,Tecún Umán (puente),,GTM,14.68,-92.14,border_crossing",
    "MX-TIJ,Tijuana,Tapachula,MEX,32.5149,-117.0382,city",
    "GT-SRO,Santa Rosa,,GTM,14.2,-90.3,city",
    "HN-SRO,Santa Rosa,,HND,14.77,-88.78,city",
  ].join("\n") + "\n",
);
// 12. A Kobo sightings form exported with its labels (not its XML names): the questions are the
// headers, behind their group's label (hierarchy in labels); the count question asks for the
// people at the shelter, so its figures are read as "at least"; a place as its P-code, one with
// its state after a comma, an unknown place, and a report without a count.
write(
  "kobo-avistamientos-etiquetas.csv",
  [
    q([
      "start", "end", "Observación/Fecha de la observación", "Observación/¿Dónde está el grupo?",
      "Observación/¿Qué caravana es?", "Conteo/¿Cuántas personas hay en el albergue?",
      "Observaciones", "_uuid", "_submission_time",
    ]),
    q(["2018-10-19T19:02:00.000-06:00", "2018-10-19T19:10:00.000-06:00", "19/10/2018", "GT1217", "Caravana hondureña 1", "1.345", "", "k-001", "2018-10-20T01:12:40"]),
    q(["2018-10-21T20:15:00.000-06:00", "2018-10-21T20:21:00.000-06:00", "21/10/2018", "Tapachula", "Caravana hondureña 1", "3 mil", "parque central y albergue", "k-002", "2018-10-22T02:30:11"]),
    q(["2018-10-22T21:00:00.000-06:00", "2018-10-22T21:09:00.000-06:00", "22/10/2018", "Huixtla, Chiapas", "Caravana hondureña 1", "2.500", "", "k-003", "2018-10-23T03:10:52"]),
    q(["2018-10-23T20:40:00.000-06:00", "2018-10-23T20:44:00.000-06:00", "23/10/2018", "Lugar Inventado", "Caravana hondureña 1", "800", "", "k-004", "2018-10-24T02:45:09"]),
    q(["2018-10-24T18:05:00.000-06:00", "2018-10-24T18:07:00.000-06:00", "24/10/2018", "Mapastepec", "Caravana hondureña 1", "", "sin conteo: el grupo sigue llegando", "k-005", "2018-10-25T00:07:33"]),
  ].join("\r\n") + "\r\n",
);
console.log("samples written");
