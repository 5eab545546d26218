/** The library API. The `handbook` CLI is a thin layer over these functions. */
export {
  build,
  writeBuild,
  type BuildOptions,
  type BuildResult,
  type BuildOutput,
} from './build.js';
export { check, type CheckOptions, type CheckResult } from './check.js';
export { prepare, type Prepared } from './prepare.js';
export { Diagnostics, formatFinding, type Finding, type Severity } from './diagnostics.js';
export { HandbookError, isHandbookError, type ErrorCode } from './errors.js';
export { FORMATS, type Format } from './options.js';
export { TOOL_VERSION } from './version.js';
export type * from './model.js';
export type { HandbookConfig, ReleaseEntry } from './config/schema.js';
