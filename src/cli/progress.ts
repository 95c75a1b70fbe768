/**
 * Progress of long CLI work on stderr: on a terminal one line redrawn at most every 100 ms
 * (`[#########.........] 48%  480,000/1,000,000 events  95,310/s`); elsewhere (logs, CI) one line per tenth done.
 */
export interface Progress {
  update(done: number, total: number): void;
  /** Ends the progress line. */
  finish(): void;
}

const WIDTH = 24;
const number = (n: number) => Math.round(n).toLocaleString('en-US');

export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  unit: string,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let drawn = false;
  const line = (done: number, total: number) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(fraction * WIDTH);
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
      `${number(done)}/${number(total)} ${unit}  ${number(rate)}/s`
    );
  };
  return {
    update(done, total) {
      if (stream.isTTY) {
        const t = now();
        if (t - lastDraw < 100 && done < total) return;
        lastDraw = t;
        stream.write(`\r${line(done, total)}`);
        drawn = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done, total)}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** Progress of work in stages, a bar per stage (`pages (log)`), each ended as the next begins. */
export interface StagedProgress {
  update(stage: string, done: number, total: number, unit: string): void;
  /** Ends the current stage's bar. */
  finish(): void;
}

export function stagedProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): StagedProgress {
  let current: { stage: string; bar: Progress } | undefined;
  return {
    update(stage, done, total, unit) {
      if (current?.stage !== stage) {
        current?.bar.finish();
        current = { stage, bar: progressBar(stream, `${unit} (${stage})`) };
      }
      current.bar.update(done, total);
    },
    finish() {
      current?.bar.finish();
      current = undefined;
    },
  };
}
