/**
 * A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal
 * (logs, CI), where only the final summary is printed.
 */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastDrawn = 0;
  return {
    /** `committed`: items already saved for good (an import commits in chunks). */
    update(done: number, total: number, committed?: number) {
      if (!stream.isTTY || total === 0) return;
      const now = Date.now();
      if (done < total && now - lastDrawn < 50) return;
      lastDrawn = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const percent = Math.floor((done / total) * 100);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${percent}%${committed === undefined ? '' : `, ${committed} saved`}`,
      );
      if (done === total) stream.write('\n');
    },
  };
}
