/**
 * dtm-flow — the public API of the library. Every export is listed here explicitly (no
 * `export *`), grouped by the folder it comes from, in the order the data flows:
 * model → ingest → geo → estimate → ledger → scenario / forecast → export.
 * The library is DOM-free and Node-free; the CLI (cli/), viewer (viewer/) and notebooks
 * (notebooks/) are thin front ends over this file.
 */

// ── model: the domain types (units in the names and docs; blank = unknown, never zero) ──
export type {
  Km,
  People,
  Days,
  IsoDate,
  IsoDateTime,
  Iso3,
  LonLat,
  SourceType,
  EstimateMethod,
  Confidence,
  SourceRef,
  Place,
  PlaceKind,
  RouteFeature,
  RouteCollection,
  RouteProperties,
  CountRecord,
  Direction,
  Sighting,
  StockFigure,
  StockCategory,
  StockBasis,
  TrackPoint,
  SplitRow,
  SplitCategory,
  Dataset,
  AggregateFigure,
  SeedFigure,
  SeedQualifier,
} from "./model/index.ts";
export {
  SOURCE_TYPES,
  ESTIMATE_METHODS,
  PLACE_KINDS,
  DIRECTIONS,
  STOCK_CATEGORIES,
  SPLIT_CATEGORIES,
  DEFAULT_TIME_ZONE,
  SEED_QUALIFIERS,
} from "./model/index.ts";
// One warning type across ingest, estimate, ledger, scenario and forecast.
export type { DtmWarning, WarningModule, WarningSource } from "./model/warning.ts";
export type { EstimateWarningCode } from "./estimate/warnings.ts";
export { ESTIMATE_WARNING_SENTENCES, estimateWarningText } from "./estimate/warningText.ts";
export {
  SCENARIO_ERROR_SENTENCES,
  scenarioErrorMessage,
  scenarioErrorText,
} from "./scenario/errorSentences.ts";
export type {
  ScenarioErrorCode,
  ScenarioErrorLang,
  ScenarioErrorLike,
  ScenarioErrorParams,
  ScenarioQuantity,
} from "./scenario/errorSentences.ts";
export type {
  EstimateWarningLang,
  EstimateWarningLike,
  EstimateWarningParams,
  EstimateWarningParamsByCode,
} from "./estimate/warningText.ts";
export type { ScenarioWarningCode } from "./scenario/compile.ts";

// ── embedded: the Oct–Dec 2018 replay data ──
export { embedded2018, EMBEDDED_2018_NAME } from "./embedded/index.ts";
export { FILES_NAME_PREFIX } from "./embedded/name.ts";
export { situationReport2018 } from "./embedded/seeds.ts";
export { stocksRepeatingReport } from "./report/reportedFigures.ts";

// ── ingest: tables in, import reports ──
export type {
  ImportOptions,
  ImportResult,
  ImportedRecord,
  TableImporter,
} from "./ingest/importer.ts";
export {
  importTable,
  createTableImporter,
  importChunks,
  possibleExtraKeys,
} from "./ingest/importer.ts";
export { importPlacesGeoJson, looksLikeGeoJson } from "./ingest/places-geojson.ts";
export { AS_WRITTEN_COLUMNS, orderExtraColumns } from "./ingest/extra-columns.ts";
export {
  FAR_FROM_ROUTES_KM,
  FAR_MIN_REPORTS,
  FAR_SHARE,
  farFromRoutesText,
  reportsFarFromRoutes,
} from "./ingest/routes-fit.ts";
export type { FarFromRoutes, FarFromRoutesLang, FarFromRoutesRoutes } from "./ingest/routes-fit.ts";
export { CrossFileDuplicates, crossFileDuplicateText } from "./ingest/cross-file-duplicates.ts";
export type { CrossFileDuplicate } from "./ingest/cross-file-duplicates.ts";
export type {
  ImportReport,
  ColumnMapping,
  MatchHow,
  Rejection,
  IssueParams,
  Warning as ImportWarning,
  Duplicate,
  TotalCheck,
} from "./ingest/report.ts";
export type { TableKind, KindSpec } from "./ingest/fields.ts";
export { TABLE_KINDS, KIND_SPECS } from "./ingest/fields.ts";
export type { ColumnOverrides } from "./ingest/headers.ts";
export { fieldNames, KEEP_AS_EXTRA, IGNORE_COLUMN } from "./ingest/headers.ts";
export type { RouteImport, RouteImportReport } from "./ingest/route.ts";
export { importRoute } from "./ingest/route.ts";
export type { ColumnMappingInWords, ColumnWordsLang } from "./ingest/columnWords.ts";
export {
  columnFieldText,
  columnHowText,
  columnsInWords,
  hasFieldWords,
} from "./ingest/columnWords.ts";
export {
  SPANISH_BASIS,
  SPANISH_CATEGORY,
  SPANISH_DIRECTION,
  STOCK_CATEGORY_CHOICES,
} from "./ingest/enums.ts";
export type { ImportIssueCode } from "./ingest/issue-codes.ts";
export { IMPORT_ISSUE_CODES } from "./ingest/issue-codes.ts";
export type { IssueFront, IssueLang, IssueLike, IssueUnit } from "./ingest/issue-text.ts";
export {
  columnHeaderText,
  columnShown,
  extraColumnShown,
  madeFromText,
} from "./ingest/column-shown.ts";
export { SHEET_NAME_COLUMN } from "./ingest/column-shown.ts";
export {
  issueReason,
  issueText,
  issueWhere,
  totalCheckText,
  SPANISH_ISSUE_CODES,
} from "./ingest/issue-text.ts";
export type { Quantity } from "./ingest/values.ts";
export { parseQuantity, parsePeopleNumber, parseDecimal, isUnknown } from "./ingest/values.ts";
export type { DateOrder, ParsedDate } from "./ingest/dates.ts";
export { parseDate } from "./ingest/dates.ts";
export type { TextEncodingName } from "./ingest/decode.ts";
export { decodeBytes, repairMojibake } from "./ingest/decode.ts";
export type { XlsxSheet } from "./ingest/xlsx.ts";
export { readXlsx } from "./ingest/xlsx.ts";
export type { SniffedFormat } from "./ingest/file-format.ts";
export { sniffFormat } from "./ingest/file-format.ts";
export { MAX_PEOPLE_PER_ROW } from "./ingest/convert.ts";
export {
  EARLIEST_DATE,
  FUTURE_HORIZON_DAYS,
  MAX_GAP_DAYS,
  MIN_GROUP_SHARE,
} from "./ingest/date-window.ts";
export { SAME_PLACE_KM } from "./ingest/place-conflicts.ts";

// ── geo: routes, places, gazetteer ──
export type { Gazetteer, PlaceMatch } from "./geo/gazetteer.ts";
export { createGazetteer, normalizeName } from "./geo/gazetteer.ts";
export type { CountPoint } from "./geo/countPoint.ts";
export { countPoint } from "./geo/countPoint.ts";
export type { PlaceResolution } from "./geo/resolvePlace.ts";
export { resolvePlace } from "./geo/resolvePlace.ts";
export type { PlaceName, PlaceNames } from "./geo/placeLabel.ts";
export { placeLabel } from "./geo/placeLabel.ts";
export { editDistance } from "./geo/editDistance.ts";
export { distanceKm, EARTH_RADIUS_KM } from "./geo/distance.ts";
export { lineLengthKm, cumulativeKmOf } from "./geo/lineLength.ts";
export type { RouteIndex, Projection } from "./geo/routeIndex.ts";
export { createRouteIndex } from "./geo/routeIndex.ts";
export { sliceRoute, headingAtKm } from "./geo/routeSlice.ts";
export type {
  AlongProperties,
  ProjectionProperties,
  RouteSliceProperties,
} from "./geo/routeFeatures.ts";
export { alongFeature, projectFeature, sliceRouteKm } from "./geo/routeFeatures.ts";
export type { RouteGeometryCheck, RouteGeometryCode } from "./geo/routeGeometry.ts";
export { checkRouteGeometry, MAX_SEGMENT_ARC_DEGREES } from "./geo/routeGeometry.ts";

// ── util: shared statistics (estimator, checks, scenario, forecast) ──
export { normalCdf, normalQuantile, Z90 } from "./util/normal.ts";
export { quantileSorted, cellQuantiles } from "./util/quantiles.ts";

// ── estimate: tracks, simulator ──
export type {
  EstimateOptions,
  EstimateResult,
  EstimateReport,
  EstimatedGroup,
  Association,
  GroupMovementFit,
  GroupState,
  TrackEnd,
  TrackStart,
} from "./estimate/estimateTracks.ts";
export { estimateTracks } from "./estimate/estimateTracks.ts";
export { MAX_WRITTEN_DAYS } from "./estimate/trackStarts.ts";
export type { BodyDistribution } from "./estimate/bodies.ts";
export { bodyDistribution } from "./estimate/bodies.ts";
export { EDGE_MAX_SHARE, EDGE_PEOPLE, EDGE_SHARE, edgeShare } from "./estimate/bodyEdges.ts";
export type { BodyPart as CaravanPart } from "./estimate/partWords.ts";
export { readPart } from "./estimate/partWords.ts";
export type { MovementModel, Regime } from "./movement/index.ts";
export {
  defaultMovementModel,
  defaultEstimatorMovement,
  groupLaw,
  regimeTransitions,
  cachedRegimeTransitions,
  REGIMES,
} from "./movement/index.ts";
export type { SourceBias, BiasSource, SourcePrior } from "./estimate/sourceBias.ts";
export { ANCHOR_LEVEL_SD, SOURCE_PRIORS, fitSourceBiases } from "./estimate/sourceBias.ts";
export type { SourceLean } from "./estimate/sourceLean.ts";
export type {
  KmAlternative,
  KmObservation,
  KmDayEstimate,
  KmSmootherResult,
} from "./estimate/kmSmoother.ts";
export type { PartCounts, PartShares } from "./estimate/partMixture.ts";
export {
  PART_PRIOR,
  partShares,
  sidedShares,
  SIDE_MAX_ODDS,
  SIDE_SLOPE,
  unknownPartAlternatives,
} from "./estimate/partMixture.ts";
export { smoothKm } from "./estimate/kmSmoother.ts";
export type { SizeObservation, SizeDayEstimate, SizeLoo } from "./estimate/sizeSmoother.ts";
export { smoothSize, smoothSizeWithLoo } from "./estimate/sizeSmoother.ts";
export type { LooScore, Widening } from "./estimate/calibrate.ts";
export type { AssociationSpread } from "./estimate/assocSpread.ts";
export { conformalWidening } from "./estimate/calibrate.ts";
export type { CalibrationLang } from "./estimate/calibrationText.ts";
export { tooFewText } from "./estimate/calibrationText.ts";
export type { SizePrior, GroupSizeSummary } from "./estimate/sizePrior.ts";
export { fitSizePrior, fallbackSizePrior, sizePriorsLeaveOneOut } from "./estimate/sizePrior.ts";
// The association's objective (trackCost.ts) term by term, and the weights of one place a day
// (placeDay.ts; EstimateOptions.onePlaceADay).
export type { CostModel, CostReport, CostTerms } from "./estimate/trackCost.ts";
export { DEFAULT_COST_MODEL, groupCost, groupCostTerms } from "./estimate/trackCost.ts";
export type { PlacedReport } from "./estimate/placeDay.ts";
export { placeDayWeights } from "./estimate/placeDay.ts";
// The association's positions read predictively (predictiveTrack.ts; EstimateOptions
// .predictiveAssociation) is an experiment, measured and not kept: internal, not exported here
// (the benches import it from src/estimate directly).
export type {
  GroupDayState,
  WorldConfig,
  ObservationConfig,
  TruthGroup,
  SimulatedWorld,
} from "./estimate/simulate.ts";
export {
  stepGroup,
  simulateTruth,
  simulateWorld,
  syntheticCorridor,
  worldOfDifficulty,
} from "./estimate/simulate.ts";
export type { AccuracyFigures, AccuracySums } from "./estimate/accuracy.ts";
export {
  naiveBaseline,
  scoreWorld,
  evaluationDays,
  figures as accuracyFigures,
  emptySums as emptyAccuracySums,
  addSums as addAccuracySums,
} from "./estimate/accuracy.ts";

// ── check: held-out predictive check of an estimate, conformal widening ──
export type { CheckableEstimate, CheckOptions, CheckResult } from "./check/checkEstimate.ts";
export { checkEstimate, matchGroups, DEFAULT_FOLDS, REPEAT_REASON } from "./check/checkEstimate.ts";
export type { CheckScores, HeldOutPrediction } from "./check/score.ts";
export { scorePredictions } from "./check/score.ts";
export { ALPHA_90, intervalScore } from "./check/intervalScore.ts";
export type { ScoredReport, SourceFactors, TrackWidening } from "./check/conformal.ts";
export {
  conformalFactor,
  judgedFactor,
  sourceFactors,
  crossFittedFactors,
  widenTracks,
  widenEstimate,
  CONFORMAL_LEVEL,
  MIN_JUDGED,
} from "./check/conformal.ts";
export type { Predictive } from "./check/predictive.ts";
export {
  predictiveCdf,
  predictiveQuantile,
  predictiveInterval,
  scaleNeeded,
} from "./check/predictive.ts";
export type { BodyTrackPoint, Interval90, GroupTrack } from "./check/bodyTrack.ts";
export {
  partInterval,
  logSizeInterval,
  groupTracks,
  intervalAt,
  dailyMove,
} from "./check/bodyTrack.ts";
export type { BodyPart } from "./check/reportPart.ts";
export { reportPart } from "./check/reportPart.ts";
export type { CheckReport, CheckSource } from "./check/heldOut.ts";
export { checkReports, assignFolds, togetherWithOriginals } from "./check/heldOut.ts";
export type { Catchment } from "./check/catchment.ts";
export { createCatchments } from "./check/catchment.ts";
export { checkBySourceLines, checkForReport, checkSummary } from "./check/checkReport.ts";
export type { CheckSummaryLang } from "./check/summaryText.ts";

// ── evidence: the reports behind a group-day, and analysts' corrections (docs/contracts.md §4) ──
export type {
  Evidence,
  EvidenceReport,
  EvidenceEstimate,
  EvidenceOptions,
  EvidenceCheckInput,
} from "./evidence/evidence.ts";
export {
  evidenceFor,
  evidenceRows,
  peopleOf,
  safeUrl,
  EVIDENCE_COLUMNS,
  EVIDENCE_CSV_COLUMNS,
  OUTLIER_THRESHOLD,
} from "./evidence/evidence.ts";
export type {
  Correction,
  CorrectionKind,
  CorrectionMeta,
  CorrectionsFile,
  CorrectionProblem,
  CorrectedInput,
  GroupDestination,
  ApplyOptions,
} from "./evidence/corrections.ts";
export {
  applyCorrections,
  validateCorrections,
  parseCorrections,
  membershipOf,
  needsMembership,
  CorrectionsError,
  CORRECTION_KINDS,
} from "./evidence/corrections.ts";
export { correctionProblemText } from "./evidence/correctionProblemText.ts";
export { InputProblem, inputProblemText } from "./text/inputProblem.ts";
export type { InputProblemCode, InputProblemParams } from "./text/inputProblem.ts";
export type {
  CorrectionProblemCode,
  CorrectionProblemParams,
} from "./evidence/correctionProblemText.ts";
export type {
  TimeDistance,
  TimeDistanceBody,
  TimeDistanceReport,
  TimeDistanceStop,
  TimeDistanceOptions,
} from "./evidence/timeDistance.ts";
export { timeDistance } from "./evidence/timeDistance.ts";
export type { CorrectedEstimate } from "./evidence/estimateCorrected.ts";
export { estimateWithCorrections } from "./evidence/estimateCorrected.ts";

// ── ledger: the split ──
export { buildLedger, ledgerDays } from "./ledger/buildLedger.ts";
export type { LedgerDays } from "./ledger/buildLedger.ts";
export type {
  LedgerInput,
  LedgerOptions,
  LedgerResult,
  LedgerWarning,
  LedgerWarningOf,
  LedgerWarningParams,
  LedgerWarningParamsByCode,
  LedgerWarningParamsOf,
  LedgerWarningCode,
  BadField,
  LedgerSource,
  Residual,
  DepartedRow,
  LedgerGroupDay,
  LedgerPlaceCount,
} from "./ledger/types.ts";
export { splitTotal } from "./ledger/splitTotal.ts";
export {
  checkCorrelation,
  GROUP_ERROR_CORRELATION,
  sumCorrelated,
} from "./ledger/correlatedSum.ts";
export type { IntervalEstimate } from "./ledger/correlatedSum.ts";
export type { SplitQuery } from "./ledger/splitTotal.ts";
export { compareWithSeeds, fitsWording, seedSources } from "./ledger/compareWithSeeds.ts";
export type { SeedComparison, SeedSource } from "./ledger/compareWithSeeds.ts";
export { isotonicIncreasing } from "./ledger/isotonic.ts";
export { areaOf } from "./ledger/areaOf.ts";
export { currentTownCounts, supersedingCounts, townTakeovers } from "./ledger/townCounts.ts";
export type { TownCount } from "./ledger/townCounts.ts";
export { areaGroups, BEYOND_GROUP_MEANING } from "./ledger/groupFigures.ts";
export type { BeyondGroup } from "./ledger/groupFigures.ts";
export { beyondFiguresText, departedBasis, departureTotalText } from "./ledger/departedBasis.ts";
// Days a count of people present stands as of a date when no newer count is known (10).
export { PRESENT_AS_OF_DAYS, presentAgeFactor } from "./ledger/series.ts";
export type {
  DepartedBasis,
  DepartedBasisContext,
  DepartureTotalFigure,
} from "./ledger/departedBasis.ts";
export {
  categoryWords,
  formatPeople,
  numberLocale,
  ROW_LIST_SHOWN,
  rowListParts,
  stockRowFacts,
} from "./ledger/describe.ts";
export type { StockRowFacts } from "./ledger/describe.ts";
export {
  figureWeight,
  relativeError,
  DEFAULT_SOURCE_WEIGHTS,
  DEFAULT_CONFIDENCE_WEIGHTS,
} from "./ledger/weights.ts";
export type { WeightOptions } from "./ledger/weights.ts";

// ── state: the corridor per day (groups on the road, people at places, totals) ──
export {
  buildCorridorState,
  corridorDay,
  totalsOf,
  groupBody,
  groupsOnRoad,
  holdUntilUnseen,
  carryTracks,
  PRESENCE_STATUSES,
  ARRIVAL_KM,
  GROUP_DAY_STATUSES,
  groupDayStatus,
  trackFileStatuses,
  trackStatuses,
} from "./state/index.ts";
export type {
  GroupDayFacts,
  TrackEndFacts,
  GroupDayStatus,
  CorridorStateOptions,
  CorridorDay,
  CorridorTotals,
  GroupBody,
  GroupOnRoad,
  HeldWidening,
  RemainingArea,
  PlacePresence,
  PresenceStatus,
} from "./state/index.ts";

// ── replay: dataset assembly and the pipeline the front ends run ──
export {
  assembleDataset,
  dataRange,
  reportDayPlace,
  reportRange,
  runReplay,
} from "./replay/index.ts";
export type {
  AssembleOptions,
  DataRange,
  DatasetFile,
  Replay,
  ReplayCorrections,
  ReplayOptions,
  ReportRangeOptions,
} from "./replay/index.ts";

export {
  buildSituationUpdate,
  presencePanels,
  situationHeadlines,
  situationWarnings,
  categoryDayTotal,
  AS_OF_BASIS,
  HINDSIGHT_BASIS,
} from "./report/situationUpdate.ts";
export { leftOutOfFiles } from "./report/leftOut.ts";
export type { LeftOutOfFiles, LeftOutSource } from "./report/leftOut.ts";
export type {
  SituationUpdate,
  SituationUpdateOptions,
  SituationCorrections,
  HeadlineFigure,
  SourceNote,
  Breakdown,
  PlacePanel,
} from "./report/situationUpdate.ts";
export { renderMarkdown, renderHtml } from "./report/render.ts";
export { situationWords, SITUATION_LANGS } from "./report/words.ts";
export { measureWords } from "./report/measureWords.ts";
export type { SituationLang, SituationWords } from "./report/words.ts";
export { ledgerWarningText, rowListEs, warningRowFacts } from "./report/ledgerWarningText.ts";
export type { LedgerWarningView, RowFacts } from "./report/ledgerWarningText.ts";
export { stackedAreaSvg, smallMultiplesSvg } from "./report/charts.ts";
export type { ChartSize } from "./report/charts.ts";

// ── scenario: influx scenarios ──
export type {
  NumberOrRange,
  Composition,
  RouteChoice,
  Wave,
  Movement,
  MovementSegment,
  Stop,
  AttritionRule,
  ShelterCapacity,
  PlanningFigures,
  ScenarioInput,
  ScenarioParameters,
  Scenario,
  ResolvedWave,
  ScenarioError,
  QuantileSeries,
  DateInterval,
  NeedsSeries,
  PlaceResult,
  ScenarioTotals,
  TotalName,
  MedianRun,
  ScenarioResult,
} from "./scenario/types.ts";
export { SCENARIO_LIMITS } from "./scenario/limits.ts";
export { StreamingQuantiles, DayHistograms } from "./scenario/streamingQuantiles.ts";
export type { ScenarioContext, ScenarioValidation } from "./scenario/validateScenario.ts";
export { validateScenario } from "./scenario/validateScenario.ts";
export type { RunContext } from "./scenario/runScenario.ts";
export { runScenario, runSeed } from "./scenario/runScenario.ts";
export { bodyArrival } from "./scenario/bodyArrival.ts";
export { SEGMENT_LEAD_KM } from "./scenario/compile.ts";
export type { Calibration, CalibrationFit, CalibrationOptions } from "./scenario/calibrate.ts";
export { calibrateFromReplay } from "./scenario/calibrate.ts";
export { anchoredMovement } from "./scenario/calibrateMovement.ts";
export type { Hold } from "./scenario/calibrateHolds.ts";
export { HOLDS_2018 } from "./scenario/calibrateHolds.ts";
export type { CohesionCalibration, FirstAndBulk } from "./scenario/calibrateCohesion.ts";
export { FIRST_AND_BULK_2018 } from "./scenario/calibrateCohesion.ts";
export { like2018Parameters } from "./scenario/like2018.ts";
export type { Corridor, CorridorRoute, RouteStop } from "./geo/corridor.ts";
export { buildCorridor, PLACE_SNAP_KM } from "./geo/corridor.ts";
export {
  NEEDS_DECIMALS,
  NEEDS_SHOWN_DECIMALS,
  placeNeeds,
  shownNeed,
  wholePeople,
} from "./scenario/needs.ts";
export {
  SPHERE_2018,
  DEFAULT_COMPOSITION,
  FALLBACK_2018,
  GENERIC_MOVEMENT,
} from "./scenario/defaults.ts";

// ── forecast: nowcast and arrivals ──
export type { Nowcast, NowcastOptions, GroupNowcast, HeadNowcast } from "./forecast/nowcast.ts";
export { headAtReports, headStart, nowcast } from "./forecast/nowcast.ts";
export { restingStartText } from "./forecast/startPeople.ts";
export type {
  Forecast,
  ForecastOptions,
  ArrivalForecast,
  PositionForecast,
  Quantiles3,
  GroupStatus,
  GroupForecastStatus,
} from "./forecast/forecast.ts";
export { forecastArrivals, groupStatus, PASSED_SHARE } from "./forecast/forecast.ts";
export type { Placed, PlaceRelation } from "./forecast/placed.ts";
export { NEAR_PLACE_KM, placedText, placeRelation } from "./forecast/placed.ts";
export {
  groupDayPositionUnknown,
  POSITION_UNKNOWN_KM,
  positionUnknown,
  SILENT_DAYS,
} from "./state/positionUnknown.ts";
export type { PositionUnknown } from "./state/positionUnknown.ts";
export type { PositionUnknownGroup } from "./report/positionUnknownText.ts";
export { positionUnknownText } from "./report/positionUnknownText.ts";
export { isSilent, takenInShares } from "./state/takenIn.ts";
export type { TakeIn, TakenIn } from "./state/takenIn.ts";
export { unknownLastSeen } from "./state/unknownLastSeen.ts";
export type { UnknownLastSeen } from "./state/unknownLastSeen.ts";
export { unknownLastSeenLines } from "./report/unknownText.ts";
export type { UnknownLastSeenLine } from "./report/unknownText.ts";
export {
  countedText,
  estimatedText,
  presentKnown,
  presentText,
  travellingText,
} from "./report/countedText.ts";
export { arrivedByNow } from "./forecast/byNow.ts";
export { firstArrivalShown } from "./scenario/firstArrivalShown.ts";
export { peakNoteText, peakTwoModed, TWO_MODE_PRESENT_SHARE } from "./scenario/peakNote.ts";
export { forecastWarnings } from "./forecast/warnings.ts";
export type { ListableArrival, ListedArrivalsOptions } from "./forecast/listedArrivals.ts";
export { listedArrivals } from "./forecast/listedArrivals.ts";
export type { ForecastWarning, ForecastWarningCode } from "./forecast/warnings.ts";
export {
  FORECAST_WARNING_SENTENCES,
  forecastWarning,
  forecastWarningText,
} from "./forecast/warningText.ts";
export type {
  ForecastWarningLang,
  ForecastWarningLike,
  ForecastWarningParamsByCode,
} from "./forecast/warningText.ts";
export { naiveArrival } from "./forecast/naive.ts";
export type { ReportKm, ReportsOfGroupOptions } from "./forecast/lastTwoReports.ts";
export { lastTwoReportsArrival, reportsOfGroup } from "./forecast/lastTwoReports.ts";
export type { BaselineTally } from "./forecast/baselineScore.ts";
export {
  baselineCanForecast,
  emptyTally,
  tallyCase,
  tallyRatio,
} from "./forecast/baselineScore.ts";
export type { RegimeShares } from "./forecast/reportedRegime.ts";
export {
  latestReportSpeed,
  regimeOfPace,
  ridingAfter,
  startRegime,
  MIN_REPORT_GAP_DAYS,
  REST_BELOW_KM_PER_DAY,
} from "./forecast/reportedRegime.ts";
export type {
  ReferenceArrival,
  BacktestOptions,
  BacktestRow,
  BacktestSummary,
  BacktestResult,
} from "./forecast/backtest.ts";
export { backtestArrivals } from "./forecast/backtest.ts";
export { fitAttritionPerDay } from "./forecast/attrition.ts";
export type { GroupMovementOptions } from "./forecast/groupMovement.ts";
export { groupMovement } from "./forecast/groupMovement.ts";

// ── export: tables, GeoJSON, suppression ──
export type { CsvOptions } from "./export/csv.ts";
export { formatCsv, csvCell, formatCsvRows } from "./export/csv.ts";
export type { TableColumn, TableRecord } from "./export/tables.ts";
export { TABLE_COLUMNS, recordsToRows, recordToRow } from "./export/tables.ts";
export type { TableCsvOptions } from "./export/formatTable.ts";
export { formatTableCsv } from "./export/formatTable.ts";
export type { TableJson } from "./export/json.ts";
export { formatTableJson } from "./export/json.ts";
export type { RecordsGeoJson } from "./export/geojson.ts";
export { toGeoJson } from "./export/geojson.ts";
export type { SuppressionSummary, SuppressedRecord } from "./export/suppress.ts";
export { suppressSmallCounts } from "./export/suppress.ts";
export type { XlsxSheetInput } from "./export/xlsx.ts";
export { writeXlsx } from "./export/xlsx.ts";
export type { ScenarioSummaryColumn } from "./export/scenario.ts";
export {
  SCENARIO_PLACE_DAY_COLUMNS,
  SCENARIO_SUMMARY_COLUMNS,
  SCENARIO_TOTAL_COLUMNS,
  scenarioPlaceDayRows,
  scenarioSummaryRows,
  scenarioKeyPlaces,
  scenarioTotalRows,
  scenarioPeakNeeds,
} from "./export/scenario.ts";
export type {
  ContractCsvOptions,
  TrackColumn,
  TrackRow,
  TrackPointProperties,
  TrackLineProperties,
  TrackBodyProperties,
  TracksGeoJson,
} from "./export/tracks.ts";
export {
  TRACK_COLUMNS,
  formatTracksCsv,
  routeSlice,
  tracksToGeoJson,
  trackToRow,
} from "./export/tracks.ts";
export { endsAsWritten, lastTrackDates } from "./export/trackSpan.ts";
export type { SplitColumn } from "./export/split.ts";
export { SPLIT_COLUMNS, formatSplitCsv, splitToRow } from "./export/split.ts";
export { FORECAST_COLUMNS, POSITION_COLUMNS } from "./export/forecast.ts";
export { DEPARTED_COLUMNS, PLACES_COLUMNS } from "./export/ledger.ts";
export { OUTPUT_HXL, hxlOption, outputHxl } from "./export/outputHxl.ts";
export type { OutputTable } from "./export/outputHxl.ts";

// ── util: seeded randomness, dates ──
export type { Random } from "./util/random.ts";
export { mulberry32, randomNormal } from "./util/random.ts";
export {
  addDays,
  dayNumber,
  daysBetween,
  excelSerialOfDay,
  excelSerialToIso,
  isIsoDate,
  isoDate,
  localDateOf,
  timeZoneOffsetMs,
} from "./calendar/index.ts";
export type { LocalTime } from "./calendar/index.ts";
export { asOfCutText, asOfMoment, isValidTimeZone, toLocalTime } from "./calendar/index.ts";
export type { AsOfMoment } from "./calendar/index.ts";

// The one movement model (src/movement/; docs/movement.md). The law's type, regimes, transitions
// and default laws are exported above, with the estimator; `stepGroup` with the simulator.
export type {
  MovementAnchor,
  StopAnchor,
  DensityShape,
  Kernel as MovementKernel,
  MoveEvidence,
  MoveClasses,
  FitOptions as MovementFitOptions,
  DayMoveTiming,
  DayDraws,
  SizeDynamics,
} from "./movement/index.ts";
export {
  ANCHORS_2018,
  STOPS_2018,
  regimeIndex,
  lawOfBand,
  meanDailyKm,
  nextRegime,
  walkMoveKm,
  rideMoveKm,
  sampleMoveKm,
  // A day's draws all at once and the laws at them (the forecast's joint runs; `stepGroup` too).
  drawLongRide,
  drawDay,
  moveAtDraws,
  stepSize,
  dayMoveLaw,
  dayKernels,
  densityShape,
  reportDensity,
  noEvidence,
  classifyMove,
  addMove,
  movesOfTrack,
  fitMovement,
  // When in the day a day's move happens (withinDay.ts), read by the estimator and the check.
  DAY_MOVE_TIMING,
  EVEN_DAY_MOVE_TIMING,
  DATE_ONLY_REPORT_HOUR,
  dateOnlyReportOffset,
  readingTime,
  readingOffset,
  DATE_ONLY_HOURS,
  dateOnlyOffsets,
  dayMoveShare,
  moveOffsetFromNoon,
  trackDayOf,
  // The longest silence a group stays on the road across (estimator, state, ledger, forecast).
  MAX_SILENCE_DAYS,
  isUnseen,
} from "./movement/index.ts";
