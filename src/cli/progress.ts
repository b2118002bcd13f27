/**
 * A progress bar on standard error, drawn only when standard error is a terminal (never in
 * pipes, files or tests): "bootstrap [########------------]  40%  520/1301", redrawn at most
 * ten times a second and erased when the work is done.
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ((done: number, total: number) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    if (done >= total) {
      stream.write("\r\x1b[2K");
      return;
    }
    const width = 30;
    const filled = Math.round((width * done) / total);
    const pct = Math.floor((100 * done) / total);
    stream.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(pct).padStart(3)}%  ${done}/${total}`,
    );
  };
}
