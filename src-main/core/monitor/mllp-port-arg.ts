export const MLLP_PORT_ARG = '--mllp-port';

/** `--mllp-port N` or `--mllp-port=N` (0: a free port); undefined when not given. Throws on a value that is not a port. */
export function mllpPortFromArgv(argv: readonly string[]): number | undefined {
  let text: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === MLLP_PORT_ARG) text = argv[index + 1] ?? '';
    else if (arg.startsWith(`${MLLP_PORT_ARG}=`)) text = arg.slice(MLLP_PORT_ARG.length + 1);
  });
  return text === undefined ? undefined : parseMllpPort(text);
}

export function parseMllpPort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new Error(`${MLLP_PORT_ARG} must be a port number 0-65535 (0 picks a free one), got "${text}"`);
  return port;
}
