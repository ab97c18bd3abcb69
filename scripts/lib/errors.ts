// Error type of the data build: every failure names the file it is about, so the CLI can print one clear line.

/** A problem with one input or output file; `file` is the path as the user gave or sees it. */
export class DataFileError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DataFileError';
    this.file = file;
  }
}
