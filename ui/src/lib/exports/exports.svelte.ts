/**
 * One export at a time, through the OS save dialog: the window says what to export, the
 * backend asks the user where (the dialog confirms before replacing a file) and writes it.
 * Holds the outcome the page shows: the file written (with "Show in folder"), a cancel, or
 * the error.
 */
import { commands, toBackendError, type ErrorDto } from '../backend';

export interface Exported {
  path: string;
  summary: string;
}

export class ExportRun {
  busy = $state(false);
  done: Exported | null = $state(null);
  error: ErrorDto | null = $state(null);

  /**
   * Runs `go` (which opens the save dialog); `describe` says what a result wrote.
   * A cancelled dialog (`null`) clears the previous outcome and shows nothing new.
   */
  async run<R extends { path: string }>(go: () => Promise<R | null>, describe: (r: R) => string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.done = null;
    this.error = null;
    try {
      const result = await go();
      if (result) this.done = { path: result.path, summary: describe(result) };
    } catch (e) {
      this.error = toBackendError(e).dto;
    } finally {
      this.busy = false;
    }
  }

  async showInFolder(): Promise<void> {
    if (!this.done) return;
    try {
      await commands.showInFolder(this.done.path);
    } catch (e) {
      this.error = toBackendError(e).dto;
    }
  }

  dismiss(): void {
    this.done = null;
    this.error = null;
  }
}
