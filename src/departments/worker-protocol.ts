import type { BuildOptions, OutputFile } from '../pipeline.js';

/**
 * Messages between buildAllDepartments (main thread) and its build workers.
 * Only plain data crosses: the worker sends back where the PDF went, never
 * the PDF or the model.
 */
export type WorkerBuildOptions = Omit<BuildOptions, 'department' | 'write' | 'checks'>;

/** A written file, without its bytes. */
export type WrittenFile = Pick<OutputFile, 'kind' | 'path' | 'pageCount'>;

export type ToWorker = { type: 'build'; code: string } | { type: 'stop' };

export type FromWorker =
  | { type: 'built'; code: string; outputPath: string; pageCount: number; files: WrittenFile[]; warnings: string; seconds: number }
  | { type: 'failed'; code: string; message: string; exitCode: number; seconds: number };
