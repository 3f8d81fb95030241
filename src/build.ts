// STUB (issue-3 branch): the integrator's pipeline replaces this file when main is merged.
import { LivretError } from './errors.js';

export interface SourceSentence {
  text: string;
  file: string;
  line: number;
  column: number;
}

export interface BuildOptions {
  projectRoot?: string;
  booklet?: string;
  department?: string;
  format?: 'a4' | 'a5-booklet';
  grayscale?: boolean;
  outDir?: string;
  write?: boolean;
}

export interface BuildResult {
  pdf: Uint8Array;
  outputPath: string;
  pageCount: number;
  format: 'a4' | 'a5-booklet';
  sentences: SourceSentence[];
  chapterFiles: string[];
  bookletDir: string;
  projectRoot: string;
}

export async function buildBooklet(_options: BuildOptions): Promise<BuildResult> {
  throw new LivretError('the build pipeline is not merged yet', { file: 'src/build.ts' });
}
