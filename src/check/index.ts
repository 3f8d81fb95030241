export { checkModel } from './check-model.js';
export { checkChapters, checkParsedChapters, type ChapterInput, type ParsedChapterInput } from './check-sources.js';
export { checkPdf, layoutFactsFor } from './check-pdf.js';
export { CONFIG_FILE, defaultConfig, loadCheckConfig, resolveConfig, type CheckConfig, type RuleSetting } from './config.js';
export { exitCodeOf, makeReport, mergeReports, type CheckReport, type Finding } from './report.js';
export { formatJson, formatStylish } from './reporters.js';
