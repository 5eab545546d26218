/** The PDF stages: find and launch a browser, print (with stable contents page numbers), finish. */
export { BrowserSession, LAUNCH_ARGS, openSession } from './browser.js';
export {
  findBrowser,
  type BrowserSource,
  type FindBrowserOptions,
  type FoundBrowser,
} from './browser-finder.js';
export {
  contentsIds,
  pickNumbers,
  printHandbook,
  type PrintOptions,
  type PrintRenderer,
  type PrintResult,
} from './print.js';
export { placeholderNumbers } from './contents-fill.js';
export { finishPdf, type FinishOptions, type FinishReport } from './finish/index.js';
