/**
 * Atomic build output: a build writes into a staging folder beside the output folder and
 * replaces the output only when every step succeeded, so a failed, crashed or stopped build
 * leaves the previous site as it was.
 *
 * For an output folder `<parent>/<name>` (e.g. `dist`), the staging folder is
 * `<parent>/.<name>.staging` and the previous output is parked at `<parent>/.<name>.previous`
 * for the instant of the swap; the build's report (log, change list) goes to `<parent>/<name>-report/`.
 * Staging and parking folders sit in the same parent, so the swap is two `rename`s on
 * one file system: the output is at every moment either the complete old site or the
 * complete new one, except between the two renames, which {@link recoverOutput} repairs.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Paths of one output folder, its staging and parking folders and its build report (absolute). */
export interface OutputPaths {
  out: string;
  staging: string;
  previous: string;
  /** `<parent>/<name>-report/`: the full build log, the change list, the output manifest. Never published. */
  report: string;
}

/** The staging and parking folders for the output folder `out` (absolute or relative to `cwd`). */
export function outputPaths(out: string, cwd = process.cwd()): OutputPaths {
  const abs = path.resolve(cwd, out);
  const parent = path.dirname(abs);
  const name = path.basename(abs);
  return { out: abs, staging: path.join(parent, `.${name}.staging`), previous: path.join(parent, `.${name}.previous`), report: path.join(parent, `${name}-report`) };
}

/**
 * Before a build: finish or undo what an interrupted earlier build left. A parked previous
 * output with no output beside it (stopped between the two renames) is put back; a leftover
 * staging folder or parked folder is deleted. Returns a line for the log when it repaired
 * something, else undefined.
 */
export function recoverOutput(paths: OutputPaths): string | undefined {
  let note: string | undefined;
  if (fs.existsSync(paths.previous)) {
    if (!fs.existsSync(paths.out)) {
      fs.renameSync(paths.previous, paths.out);
      note = `put back the previous ${path.basename(paths.out)}/ that an interrupted build had parked`;
    } else {
      fs.rmSync(paths.previous, { recursive: true, force: true });
    }
  }
  if (fs.existsSync(paths.staging)) {
    fs.rmSync(paths.staging, { recursive: true, force: true });
    note ??= `removed the staging folder of an interrupted build`;
  }
  return note;
}

/** Delete the staging folder (after a failed or stopped build). */
export function discardStaging(paths: OutputPaths): void {
  fs.rmSync(paths.staging, { recursive: true, force: true });
}

/**
 * Replace the output folder with the staging folder: park the old output, move the staging
 * folder into place, delete the parked one. Synchronous, so no signal handler runs between
 * the steps. @throws the file-system error of a failed rename (the old output is then put back).
 */
export function promoteStaging(paths: OutputPaths): void {
  const hadOutput = fs.existsSync(paths.out);
  if (hadOutput) fs.renameSync(paths.out, paths.previous);
  try {
    fs.renameSync(paths.staging, paths.out);
  } catch (error) {
    if (hadOutput) fs.renameSync(paths.previous, paths.out);
    throw error;
  }
  if (hadOutput) fs.rmSync(paths.previous, { recursive: true, force: true });
}
