/**
 * The reason of a rejected row, a warning or a file's fatal problem in the panel's language: the
 * library's own words (src/ingest/issue-text.ts), the same the notebooks show.
 */
export { issueReason, issueText, issueWhere, SPANISH_ISSUE_CODES } from "../../src/index.ts";
export type { IssueLike } from "../../src/index.ts";
