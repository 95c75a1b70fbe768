/** A Dockerfile read as far as the image-layout test needs: stages and their instructions, in order. */
export interface Instruction {
  readonly keyword: string;
  /** The instruction's text after the keyword, continuation lines joined. */
  readonly args: string;
}

export interface Stage {
  readonly name: string;
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: { name: string; from: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = keyword!.toUpperCase();
    if (upper === 'FROM') {
      const [from, as, name] = args!.split(/\s+/);
      stages.push({
        name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length),
        from: from!,
        instructions: [],
      });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${upper} before the first FROM`);
    stage.instructions.push({ keyword: upper, args: args! });
  }
  return stages;
}

/** A COPY: its `--from` stage (undefined: the build context), sources and destination. */
export function parseCopy(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { ...(from === undefined ? {} : { from }), sources: paths.slice(0, -1), dest: paths[paths.length - 1]! };
}

/** `ENV A=1 B=2` as pairs (values without spaces or quotes, as this Dockerfile writes them). */
export function parseEnv(args: string): Record<string, string> {
  return Object.fromEntries(
    args.split(/\s+/).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`ENV in the KEY=value form only: ${args}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** `CMD ["node", "bin/ledger.js", "serve"]`: the exec form only (the shell form would hide the process). */
export function parseCmd(args: string): string[] {
  const cmd = JSON.parse(args) as unknown;
  if (!Array.isArray(cmd) || !cmd.every((w) => typeof w === 'string')) throw new Error(`CMD in exec form: ${args}`);
  return cmd;
}
