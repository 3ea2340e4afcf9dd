/**
 * The columns of each input table (docs/contracts.md §1.1–1.4): canonical names, the aliases analysts
 * write (Spanish and English, compared after `normalizeKey`), and the HXL hashtags that map to
 * them (docs/import.md#headers).
 */

/** The four kinds of table the importer reads. */
export type TableKind = "counts" | "sightings" | "stocks" | "places";
export const TABLE_KINDS: readonly TableKind[] = ["counts", "sightings", "stocks", "places"];

/** An HXL rule: the hashtag, attributes it must have and attributes it must not have. */
export interface HxlRule {
  tag: string;
  with?: string[];
  without?: string[];
}

export interface FieldSpec {
  /** Canonical column name (snake_case), as in docs/contracts.md §1. */
  name: string;
  /** Other names users write, already in `normalizeKey` form. */
  aliases: string[];
  hxl: HxlRule[];
}

/** Required columns per kind: each entry is a list of alternatives (one of them must be present). */
export interface KindSpec {
  kind: TableKind;
  fields: FieldSpec[];
  required: string[][];
}

const f = (name: string, aliases: string[], hxl: HxlRule[] = []): FieldSpec => ({
  name,
  aliases,
  hxl,
});

const AGE_SEX = [
  "m",
  "f",
  "i",
  "adults",
  "children",
  "infants",
  "unaccompanied",
  "elderly",
  "disabled",
  "pregnant",
];
const notAgeSex = (except: string[] = []) => AGE_SEX.filter((a) => !except.includes(a));

const DATE = [
  "fecha",
  "dia",
  "day",
  "fecha_de_conteo",
  "fecha_conteo",
  "fecha_del_conteo",
  "t",
  "date_of_count",
  "count_date",
  "fecha_registro",
  "fecha_de_registro",
];
const LAT = [
  "latitud",
  "latitude",
  "y",
  "gps_latitude",
  "location_latitude",
  "_location_latitude",
  "_gps_latitude",
  "geo_lat",
  "coord_y",
];
const LON = [
  "longitud",
  "longitude",
  "long",
  "lng",
  "x",
  "gps_longitude",
  "location_longitude",
  "_location_longitude",
  "_gps_longitude",
  "geo_lon",
  "coord_x",
];
const GEOPOINT = [
  "geopoint",
  "location",
  "gps",
  "ubicacion",
  "coordenadas",
  "coordinates",
  "punto_gps",
  "geolocalizacion",
  "latlon",
  "lat_lon",
];
const COUNTRY = [
  "pais",
  "country",
  "country_code",
  "iso3",
  "pais_iso3",
  "fmp_country",
  "geo",
  "admin0",
  "adm0",
  "admin0pcode",
];
const SOURCE_ORG = [
  "fuente",
  "organizacion",
  "org",
  "organisation",
  "organization",
  "source",
  "fuente_organizacion",
  "source_organization",
  "organizacion_fuente",
  "agencia",
  "agency",
  "entidad",
];
const SOURCE_TYPE = ["tipo_de_fuente", "tipo_fuente", "source_kind", "tipo_de_organizacion"];
const URL = ["enlace", "link", "url_fuente", "source_url", "referencia", "reference", "vinculo"];
const NOTES = [
  "observaciones",
  "notas",
  "nota",
  "comentarios",
  "comments",
  "comment",
  "remarks",
  "note",
  "description",
  "descripcion",
];
const CONFIDENCE = ["confianza", "fiabilidad", "reliability", "certeza", "nivel_de_confianza"];
const NATIONALITY = [
  "nacionalidad",
  "nat",
  "nationality_code",
  "pais_de_origen",
  "origen",
  "origin",
  "procedencia",
  "nacionalidades",
];
const CARAVAN = [
  "caravana",
  "caravan",
  "grupo",
  "group",
  "nombre_caravana",
  "nombre_de_la_caravana",
  "event",
  "evento",
  "caravana_label",
  "nombre_del_grupo",
];
const PLACE = [
  "lugar",
  "place",
  "sitio",
  "localidad",
  "location_name",
  "ubicacion_nombre",
  "municipio",
  "ciudad",
  "city",
  "lugar_nombre",
  "nombre_del_lugar",
  "site",
  "loc",
];

export const COUNT_SPEC: KindSpec = {
  kind: "counts",
  required: [
    ["date"],
    ["fmp_id", "fmp_name", "lat"],
    ["direction"],
    ["total", "men", "women", "boys", "girls", "n"],
  ],
  fields: [
    f(
      "record_id",
      ["uuid", "_uuid", "id_registro", "meta_instanceid", "instanceid", "id"],
      [{ tag: "#meta", with: ["id"] }],
    ),
    f("date", DATE, [{ tag: "#date" }]),
    f(
      "fmp_id",
      [
        "punto",
        "cod_punto",
        "codigo_punto",
        "fmp_code",
        "fmp",
        "point_id",
        "codigo_fmp",
        "id_punto",
        "punto_id",
        "fmp_pcode",
        "codigo",
      ],
      [
        { tag: "#loc", with: ["code"] },
        { tag: "#loc", with: ["id"] },
      ],
    ),
    f(
      "fmp_name",
      [
        "punto_de_monitoreo",
        "nombre_punto",
        "nombre_del_punto",
        "punto_monitoreo",
        "fmp_nombre",
        "point",
        "point_name",
        "monitoring_point",
        "lugar",
        "place",
        "place_name",
        "sitio",
        "location_name",
      ],
      [
        { tag: "#loc", with: ["name"] },
        { tag: "#loc", without: ["code", "id"] },
      ],
    ),
    f("country", COUNTRY, [{ tag: "#country", without: ["nationality", "origin", "dest"] }]),
    f("lat", LAT, [{ tag: "#geo", with: ["lat"] }]),
    f("lon", LON, [{ tag: "#geo", with: ["lon"] }]),
    f("geopoint", GEOPOINT, [
      { tag: "#geo", with: ["latlon"] },
      { tag: "#geo", with: ["coord"] },
    ]),
    f(
      "direction",
      [
        "direccion",
        "sentido",
        "flujo",
        "flow",
        "direction_of_travel",
        "flow_direction",
        "travel_direction",
        "direccion_del_flujo",
        "sentido_del_flujo",
        "movement",
        "movimiento",
        "rumbo",
        "hacia",
      ],
      [{ tag: "#x_direction" }, { tag: "#direction" }],
    ),
    f(
      "total",
      [
        "total_personas",
        "total_grupo",
        "total_general",
        "personas",
        "total_people",
        "people",
        "total_individuos",
        "individuos",
        "cantidad_total",
        "total_migrantes",
        "migrantes",
        "num_personas",
        "numero_de_personas",
        "total_de_personas",
      ],
      [
        { tag: "#affected", without: [...notAgeSex(), "type"] },
        { tag: "#population", without: [...notAgeSex(), "type"] },
      ],
    ),
    f(
      "men",
      [
        "hombres",
        "hombres_adultos",
        "adultos_hombres",
        "hombre",
        "male_adults",
        "adult_men",
        "men_18",
        "hombres_18",
      ],
      [{ tag: "#affected", with: ["m"], without: ["children", "infants"] }],
    ),
    f(
      "women",
      [
        "mujeres",
        "mujeres_adultas",
        "adultas_mujeres",
        "mujer",
        "female_adults",
        "adult_women",
        "mujeres_18",
      ],
      [{ tag: "#affected", with: ["f"], without: ["children", "infants", "pregnant"] }],
    ),
    f(
      "boys",
      [
        "ninos",
        "nino",
        "ninos_varones",
        "male_children",
        "boys_under_18",
        "nna_hombres",
        "nna_masculino",
        "menores_hombres",
        "ninos_hombres",
        "hombres_ninos",
      ],
      [{ tag: "#affected", with: ["m", "children"] }],
    ),
    f(
      "girls",
      [
        "ninas",
        "nina",
        "female_children",
        "girls_under_18",
        "nna_mujeres",
        "nna_femenino",
        "menores_mujeres",
        "ninos_mujeres",
        "mujeres_ninas",
      ],
      [{ tag: "#affected", with: ["f", "children"] }],
    ),
    f(
      "uac",
      [
        "nna_no_acompanados",
        "no_acompanados",
        "ninos_no_acompanados",
        "menores_no_acompanados",
        "nna_no_acompanados_y_separados",
        "unaccompanied",
        "unaccompanied_children",
        "uasc",
        "uam",
        "menores_no_acompanados_y_separados",
      ],
      [{ tag: "#affected", with: ["unaccompanied"] }],
    ),
    f("nationality", NATIONALITY, [
      { tag: "#country", with: ["nationality"] },
      { tag: "#country", with: ["origin"] },
    ]),
    f("source_org", SOURCE_ORG, [{ tag: "#org" }]),
    f("url", URL, [{ tag: "#meta", with: ["url"] }]),
    f("notes", NOTES, [{ tag: "#description" }]),
    // Long layout (`sex, age, n`), pivoted to one wide record per date × point × direction.
    f("sex", ["sexo", "genero", "gender"], [{ tag: "#x_sex" }]),
    f(
      "age",
      ["edad", "grupo_de_edad", "grupo_edad", "age_group", "rango_de_edad", "age_band"],
      [{ tag: "#x_age" }],
    ),
    f("n", ["cantidad", "numero", "count", "valor", "value"], [{ tag: "#x_n" }]),
  ],
};

/**
 * An admin-2 P-code column (`#adm2+code`, `Admin2 P-code`): read as the row's place when the place
 * name is blank (a P-code held by one known place, as a place name cell holding it would be read:
 * read-places.ts), and kept as written beside it.
 */
const PLACE_PCODE = f(
  "place_pcode",
  ["pcode", "p_code", "admin2_pcode", "admin2pcode", "admin2_p_code", "adm2_pcode", "adm2_code"],
  [{ tag: "#adm2", with: ["code"] }],
);

/**
 * An admin-1 P-code column (`#adm1+code`, `Admin1 P-code`): a department or state, never one place,
 * so it is read as the row's admin-1 P-code and kept as written, not as its place.
 */
const ADM1_PCODE = f(
  "adm1_pcode",
  ["admin1_pcode", "admin1pcode", "admin1_p_code", "adm1_pcode", "adm1_code"],
  [{ tag: "#adm1", with: ["code"] }],
);

export const SIGHTING_SPEC: KindSpec = {
  kind: "sightings",
  required: [["observed_at"]],
  fields: [
    f(
      "sighting_id",
      ["id", "id_avistamiento", "uuid", "_uuid", "record_id", "id_registro"],
      [{ tag: "#meta", with: ["id"] }],
    ),
    f(
      "observed_at",
      [
        "fecha_y_hora",
        "fecha_hora",
        "fecha",
        "date",
        "datetime",
        "date_time",
        "observed",
        "hora",
        "fecha_de_observacion",
        "observado",
        "cuando",
        "when",
        "t",
        "observation_date",
      ],
      [{ tag: "#date", without: ["reported"] }],
    ),
    f(
      "reported_at",
      [
        "fecha_de_reporte",
        "fecha_reporte",
        "reported",
        "report_date",
        "publicado",
        "published",
        "fecha_publicacion",
      ],
      [{ tag: "#date", with: ["reported"] }],
    ),
    f("place_name", PLACE, [{ tag: "#loc", with: ["name"] }, { tag: "#loc" }]),
    PLACE_PCODE,
    ADM1_PCODE,
    f("lat", LAT, [{ tag: "#geo", with: ["lat"] }]),
    f("lon", LON, [{ tag: "#geo", with: ["lon"] }]),
    f("geopoint", GEOPOINT, [
      { tag: "#geo", with: ["latlon"] },
      { tag: "#geo", with: ["coord"] },
    ]),
    f("country", COUNTRY, [{ tag: "#country", without: ["nationality", "origin", "dest"] }]),
    f("caravan_label", CARAVAN, [{ tag: "#event" }]),
    // Which part of the caravan the report describes (vanguard, main body, rear): estimate/parts.ts.
    f("part", ["parte", "seccion", "section"], [{ tag: "#x_part" }]),
    f(
      "size",
      [
        "tamano",
        "size",
        "personas",
        "numero_de_personas",
        "cantidad",
        "people",
        "estimacion",
        "estimado",
        "cantidad_estimada",
        "estimate",
        "cifra",
        "figure",
        "numero",
        "migrantes",
        "total",
      ],
      [
        // `+type` says what kind of people (`#population+type`: asylum, returned), not how many.
        { tag: "#affected", without: ["min", "max", "type"] },
        { tag: "#population", without: ["min", "max", "type"] },
      ],
    ),
    f(
      "size_best",
      [
        "mejor_estimacion",
        "best",
        "best_estimate",
        "tamano_estimado",
        "estimacion_central",
        "size_estimate",
      ],
      [{ tag: "#affected", with: ["best"] }],
    ),
    f(
      "size_min",
      ["minimo", "min", "size_low", "tamano_minimo", "personas_min", "low", "bajo"],
      [
        { tag: "#affected", with: ["min"] },
        { tag: "#population", with: ["min"] },
      ],
    ),
    f(
      "size_max",
      ["maximo", "max", "size_high", "tamano_maximo", "personas_max", "high", "alto"],
      [
        { tag: "#affected", with: ["max"] },
        { tag: "#population", with: ["max"] },
      ],
    ),
    f(
      "estimate_method",
      [
        "metodo",
        "metodo_de_estimacion",
        "method",
        "metodologia",
        "tipo_de_estimacion",
        "estimation_method",
      ],
      [{ tag: "#x_method" }],
    ),
    f("source_type", [...SOURCE_TYPE, "tipo"], [{ tag: "#meta", with: ["source"] }]),
    f("source_org", SOURCE_ORG, [{ tag: "#org" }]),
    f("url", URL, [{ tag: "#meta", with: ["url"] }]),
    f("confidence", CONFIDENCE, [{ tag: "#x_confidence" }]),
    f("notes", NOTES, [{ tag: "#description" }]),
    // Written by `dtm-flow import` when a size was given as approximate (Sighting.sizeApproximate).
    // Only the exact name and the HXL tag: "Tamaño aproximado" / "size approx" is how a sheet heads
    // its SIZE column, and read as this flag its numbers would be lost.
    f("size_approximate", [], [{ tag: "#x_approximate" }]),
  ],
};

export const STOCK_SPEC: KindSpec = {
  kind: "stocks",
  required: [["date"], ["category"], ["value"], ["basis"]],
  fields: [
    f("date", [...DATE, "fecha_de_corte", "as_of", "al"], [{ tag: "#date" }]),
    f(
      "category",
      ["categoria", "tipo", "type", "situacion", "status", "estado", "resultado", "outcome"],
      [{ tag: "#x_category" }],
    ),
    f(
      "value",
      ["valor", "cifra", "personas", "cantidad", "numero", "people", "total", "n", "count"],
      [
        { tag: "#affected", without: ["type"] },
        { tag: "#population", without: ["type"] },
        { tag: "#x_value" },
      ],
    ),
    f(
      "basis",
      ["base", "tipo_de_cifra", "acumulado_o_presente", "figure_type", "measure"],
      [{ tag: "#x_basis" }],
    ),
    f("country", COUNTRY, [{ tag: "#country", without: ["nationality", "origin"] }]),
    f("place_name", PLACE, [{ tag: "#loc" }]),
    PLACE_PCODE,
    ADM1_PCODE,
    f("caravan_label", CARAVAN, [{ tag: "#event" }]),
    f("nationality", NATIONALITY, [
      { tag: "#country", with: ["nationality"] },
      { tag: "#country", with: ["origin"] },
    ]),
    f("source_org", SOURCE_ORG, [{ tag: "#org" }]),
    f("source_type", SOURCE_TYPE, [{ tag: "#meta", with: ["source"] }]),
    f("url", URL, [{ tag: "#meta", with: ["url"] }]),
    f("confidence", CONFIDENCE, [{ tag: "#x_confidence" }]),
    f("notes", NOTES, [{ tag: "#description" }]),
  ],
};

export const PLACE_SPEC: KindSpec = {
  kind: "places",
  required: [["name"], ["lat", "geopoint"], ["lon", "geopoint"]],
  fields: [
    f(
      "place_id",
      ["id", "id_lugar", "codigo", "code", "pcode", "place_code", "cod_lugar"],
      [
        { tag: "#loc", with: ["code"] },
        { tag: "#meta", with: ["id"] },
      ],
    ),
    f(
      "name",
      ["nombre", "lugar", "place", "place_name", "localidad", "sitio", "ciudad"],
      [
        { tag: "#loc", with: ["name"] },
        { tag: "#loc", without: ["code"] },
      ],
    ),
    // Optional Spanish name (docs/contracts.md §1.4); files without it are read as before.
    f(
      "name_es",
      ["nombre_es", "nombre_espanol", "spanish_name", "name_spanish"],
      [{ tag: "#loc", with: ["name", "i_es"] }],
    ),
    f(
      "aliases",
      [
        "alias",
        "alias_es",
        "otros_nombres",
        "other_names",
        "alternative_names",
        "nombres_alternativos",
        "variantes",
      ],
      [{ tag: "#loc", with: ["alt"] }],
    ),
    f("country", COUNTRY, [{ tag: "#country" }]),
    f(
      "adm1_pcode",
      [
        "admin1pcode",
        "admin1_pcode",
        "adm1_code",
        "pcode_adm1",
        "departamento_pcode",
        "estado_pcode",
      ],
      [{ tag: "#adm1", with: ["code"] }],
    ),
    f(
      "adm2_pcode",
      ["admin2pcode", "admin2_pcode", "adm2_code", "pcode_adm2", "municipio_pcode"],
      [{ tag: "#adm2", with: ["code"] }],
    ),
    f("lat", LAT, [{ tag: "#geo", with: ["lat"] }]),
    f("lon", LON, [{ tag: "#geo", with: ["lon"] }]),
    f("geopoint", GEOPOINT, [{ tag: "#geo", with: ["latlon"] }]),
    f(
      "kind",
      ["tipo", "tipo_de_lugar", "type", "place_type", "clase", "categoria"],
      [{ tag: "#loc", with: ["type"] }, { tag: "#x_kind" }],
    ),
    f(
      "capacity",
      ["capacidad", "cap", "plazas", "camas", "beds", "capacity_people"],
      [{ tag: "#capacity" }, { tag: "#x_capacity" }],
    ),
    f(
      "source",
      ["fuente", "source_org", "fuente_coordenadas"],
      [{ tag: "#meta", with: ["source"] }],
    ),
  ],
};

export const KIND_SPECS: Record<TableKind, KindSpec> = {
  counts: COUNT_SPEC,
  sightings: SIGHTING_SPEC,
  stocks: STOCK_SPEC,
  places: PLACE_SPEC,
};

/** Fields that tell a kind apart when the kind is not given (weight 3 each in detection). */
export const DISTINCTIVE: Record<TableKind, string[]> = {
  counts: ["direction", "men", "women", "boys", "girls", "uac", "fmp_id", "sex", "age"],
  // observed_at ("fecha") and size ("total", "cantidad") are too generic to tell kinds apart.
  sightings: ["caravan_label", "size_min", "size_max", "size_best", "estimate_method"],
  stocks: ["category", "basis", "value"],
  places: ["place_id", "aliases", "kind", "capacity", "adm1_pcode", "adm2_pcode"],
};
