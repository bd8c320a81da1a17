// `${VAR}` interpolation for secrets in the config: the value lives in the environment, never in files.

/** The interpolated value, or the name of the first variable that is not set. */
export type EnvValue = { value: string; missing?: undefined } | { value?: undefined; missing: string };

/** Replaces every `${VAR}` in `raw` with the environment's value. */
export function resolveEnv(raw: string, env: NodeJS.ProcessEnv = process.env): EnvValue {
  let missing: string | undefined;
  const value = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') missing ??= name;
    return v ?? '';
  });
  return missing !== undefined ? { missing } : { value };
}
