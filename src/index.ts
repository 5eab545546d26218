/**
 * The library API: everything the README documents. The `handbook` CLI is a thin layer over
 * these functions.
 */
export {
  build,
  writeBuild,
  type BuildOptions,
  type BuildResult,
  type BuildOutput,
  type BuildBrowser,
} from './build.js';
export { check, type CheckOptions, type CheckResult } from './check.js';
export {
  release,
  verify,
  MANIFEST_NAME,
  CHANGES_NAME,
  type ReleaseOptions,
  type ReleaseResult,
  type VerifyResult,
  type Manifest,
  type ManifestFile,
} from './release/index.js';
export {
  openSession,
  findBrowser,
  BrowserSession,
  type FindBrowserOptions,
  type FoundBrowser,
} from './pdf/browser.js';
export type { BrowserSource } from './pdf/browser-finder.js';
export { prepare, type Prepared } from './prepare.js';
export { Diagnostics, formatFinding, type Finding, type Severity } from './diagnostics.js';
export { HandbookError, isHandbookError, type ErrorCode } from './errors.js';
export { FORMATS, defaultSource, type Format } from './options.js';
export {
  LARGE_PRINT_MIN_PT,
  LARGE_PRINT_MAX_PT,
  LARGE_PRINT_DEFAULT_PT,
  type LargePrintOption,
} from './large-print.js';
export type { ProgressSink, StageTiming } from './progress.js';
export { TOOL_VERSION } from './version.js';
export type * from './model.js';
export type { HandbookConfig, ReleaseEntry } from './config/schema.js';
