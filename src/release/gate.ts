/**
 * The editorial gate: a release runs `check` first. Errors stop it; with --strict, so do
 * warnings and GAP notes. Pure given the check result, so the policy is testable alone.
 */
import { formatFinding, type Finding } from '../diagnostics.js';
import { HandbookError } from '../errors.js';
import type { CheckResult } from '../check.js';

const SHOWN = 5;

function listed(findings: Finding[]): string {
  const lines = findings.slice(0, SHOWN).map((f) => `  ${formatFinding(f)}`);
  if (findings.length > SHOWN) lines.push(`  … and ${findings.length - SHOWN} more`);
  return lines.join('\n');
}

/**
 * Source errors a release may carry when the editor says so (`--allow-source-errors`): Jekyll
 * builds past them, and an old release regenerated from history must be buildable. Anything
 * else (a broken Liquid tag, an unknown include) always refuses.
 */
export const ALLOWABLE_SOURCE_ERRORS: readonly string[] = ['front-matter-yaml'];

/** The errors `--allow-source-errors` lets through (recorded in the manifest). */
export function allowedSourceErrors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && ALLOWABLE_SOURCE_ERRORS.includes(f.code));
}

export function gateError(
  result: CheckResult,
  strict: boolean,
  allowSourceErrors = false,
): HandbookError | undefined {
  const allowed = allowSourceErrors ? allowedSourceErrors(result.findings) : [];
  if (result.errors > allowed.length) {
    const errors = result.findings.filter((f) => f.severity === 'error' && !allowed.includes(f));
    return new HandbookError(
      'CHECK_FAILED',
      `the sources have ${errors.length} error(s); nothing was released:\n${listed(errors)}`,
      {
        hint:
          result.findings.some(
            (f) => f.severity === 'error' && ALLOWABLE_SOURCE_ERRORS.includes(f.code),
          ) && !allowSourceErrors
            ? 'fix them (run `handbook check` for every finding), then release again; to release an old version as it stands, pass --allow-source-errors (recorded in the manifest)'
            : 'fix them (run `handbook check` for every finding), then release again',
      },
    );
  }
  if (strict && (result.warnings > 0 || result.gaps > 0)) {
    const open = result.findings.filter((f) => f.severity === 'warning' || f.code === 'gap-note');
    return new HandbookError(
      'CHECK_FAILED',
      `--strict: ${result.warnings} warning(s) and ${result.gaps} GAP note(s) remain; nothing was released:\n${listed(open)}`,
      {
        hint: 'resolve them, or release without --strict (GAP notes are then listed in the manifest and CHANGES.md)',
      },
    );
  }
  return undefined;
}
