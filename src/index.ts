/**
 * livret's library API. The CLI (src/cli) is a thin shell over these calls;
 * tests call them directly.
 */
export { buildBooklet, listDepartments, type BuildOptions, type BuildResult, type OutputFile, type OutputFormat } from './build.js';
export { loadDepartment, parseDepartment } from './content/load-department.js';
export type { Department, Agency, OpeningHours } from './content/department-schema.js';
export { LivretError, EXIT_OK, EXIT_RULES_FAILED, EXIT_BAD_INPUT } from './errors.js';
export { readPdf, type PdfReadback } from './verify/read-pdf.js';
export { findMissingSentences, type SourceSentence } from './verify/content-loss.js';
export type { Booklet } from './model/booklet.js';
export { previewBooklet, type PreviewOptions, type PreviewResult } from './preview/preview-booklet.js';
export { proofReportHtml, type ProofFinding } from './preview/proof-report.js';
export { imposeSaddleStitch } from './print/impose.js';
export { addBleed } from './print/bleed.js';
export { checkRecipients, mergeLetters, parseShard, type MergeOptions, type MergeResult, type Manifest, type RecipientsCheck } from './letters/merge.js';
export * from './check/index.js';
export { buildAllDepartments, formatSummary, type AllDepartmentsResult, type BuildAllOptions } from './departments/build-all.js';
export { initDepartment } from './departments/init-department.js';
export { findTodoMarkers } from './departments/todo-markers.js';
export { agencyHoursLines, describeOpeningHours, describeClosedDays, weeklyTable } from './content/opening-hours.js';
export { withArticle, articleFor } from './content/department-names.js';
