/**
 * Deploy commands read credentials and ids from the environment only (never from files in the
 * repository). A missing variable fails the command before anything is contacted, naming it.
 */
export class MissingEnvError extends Error {
  constructor(
    readonly missing: string[],
    purpose: string,
  ) {
    super(
      `${purpose} needs ${missing.length === 1 ? 'the environment variable' : 'the environment variables'} ${missing.join(', ')}` +
        ' (see README → Deploying to a real CloudBase environment); nothing was changed',
    );
    this.name = 'MissingEnvError';
  }
}

/** The values of `names`, or a MissingEnvError listing every one that is unset or empty. */
export function requireEnv<const N extends string>(
  names: readonly N[],
  purpose: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<N, string> {
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new MissingEnvError(missing, purpose);
  return Object.fromEntries(names.map((name) => [name, env[name]!.trim()])) as Record<N, string>;
}

/** Tencent Cloud API keys of the environment's account (CAM → API keys), as the tcb CLI reads them. */
export const CREDENTIAL_VARS = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

/** `--name value` or `--name=value` from argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** Runs a command's main, printing a known failure as one line (no stack) and exiting 1. */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const known = error instanceof MissingEnvError || (error as { name?: string }).name === 'CommandError';
      process.stderr.write(
        `${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}

/** A failure whose message says all (bad argument, failed check). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
