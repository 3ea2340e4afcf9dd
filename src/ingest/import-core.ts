/** The shared state of one import (several sheets for XLSX): the report and where records go. */
import type { ImportIssueCode } from "./issue-codes.ts";
import type { Issue } from "./convert.ts";
import type { ImportedRecord, ImportOptions } from "./import-options.ts";
import type { TableKind } from "./fields.ts";
import { LabelSpellings } from "./read-labels.ts";
import { ThousandsStyle } from "./thousands-style.ts";
import { DuplicateSightings } from "./row-duplicates.ts";
import { emptyReport, ingestSource } from "./report.ts";
import type { ImportReport, IssueParams } from "./report.ts";

/** A warning as the importer records it (the sheet is added by `warn`). */
export interface ImportWarning {
  line: number;
  column?: string;
  /** The cell as written, when the warning is about one cell. */
  value?: string;
  code: ImportIssueCode;
  message: string;
  /** The values in `message` beyond column and value (report.ts, IssueParams). */
  params?: IssueParams;
}

export class ImporterCore {
  report: ImportReport;
  kind: TableKind | undefined;
  records: ImportedRecord[] = [];
  /** The text has mojibake (UTF-8 read as Windows-1252): every cell is repaired. */
  mojibake = false;
  /** Caravan labels of the file (every sheet): respellings read as the first (read-labels.ts). */
  readonly labels = new LabelSpellings();
  /** The file's thousands separator (every sheet): figures grouped otherwise are warned (thousands-style.ts). */
  readonly thousands = new ThousandsStyle();
  /** Sightings read so far (every sheet), for reports typed twice (row-duplicates.ts). */
  readonly sightings = new DuplicateSightings();
  private readonly maxIssues: number;

  readonly options: ImportOptions;

  constructor(options: ImportOptions) {
    this.options = options;
    this.report = emptyReport(options.fileName);
    this.kind = options.kind;
    this.maxIssues = options.maxIssues ?? 10_000;
  }

  emit(record: ImportedRecord, line: number, sheet?: string): void {
    this.report.recordsOut++;
    if (this.options.onRecord) this.options.onRecord(record, line, sheet);
    else this.records.push(record);
  }

  reject(issue: Issue & { line: number }, sheet?: string): void {
    if (this.report.rejections.length >= this.maxIssues) {
      this.report.truncated = true;
      return;
    }
    this.report.rejections.push({ ...(sheet !== undefined ? { sheet } : {}), ...issue });
  }

  warn(w: ImportWarning, sheet?: string): void {
    if (this.report.warnings.length >= this.maxIssues) {
      this.report.truncated = true;
      return;
    }
    this.report.warnings.push({
      ...(sheet !== undefined ? { sheet } : {}),
      ...w,
      source: ingestSource(w.line, this.report.fileName),
    });
  }
}
