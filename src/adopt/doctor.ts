// `doctor`: what this machine will use and why, on one screen. Keys are never printed, only whether they are set.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { includeFolders, locateSpcomp, spcompVersion } from '../../evaluators/compile/locate.js';
import { readIndex, shippedIndex, shippedIndexDir } from '../../evaluators/api-index/load.js';
import type { ApiIndex } from '../../evaluators/api-index/types.js';
import { DEFAULT_CONFIG_FILE, loadConfig, type Config } from '../config/load.js';
import { UserError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { HARNESS_VERSION } from '../core/version.js';
import { resolveEndpoint } from '../providers/openai.js';
import { readManifest } from './record.js';

/** One line of the report: a topic, what is used, and whether it is fine. */
export interface DoctorLine {
  topic: string;
  value: string;
  /** ok: fine; warn: works, with less (e.g. the static compile check); fail: a run will not work as configured. */
  status: 'ok' | 'warn' | 'fail';
  why?: string;
}

function fileInfo(file: string): string {
  if (!existsSync(file)) return `${file} (not created yet)`;
  return `${file} (${(statSync(file).size / 1024).toFixed(0)} KiB)`;
}

function indexLine(index: ApiIndex, where: string): string {
  const versions = Object.entries(index.versions).map(([k, v]) => `${k} ${v}`).join(', ') || 'versions unknown';
  const sources = (index.provenance?.sources ?? []).map((s) => (s.repository ? `${s.name}=${s.repository}${s.commit ? `@${s.commit.slice(0, 12)}` : ''}` : s.name)).join(', ');
  return `${index.symbols.length} symbols, ${versions}${sources ? `; from ${sources}` : ''} (${where})`;
}

function modelLines(config: Config, env: NodeJS.ProcessEnv): DoctorLine[] {
  return Object.values(config.models).map((m) => {
    const topic = `model ${m.label}`;
    if (m.provider === 'replay') {
      const dir = m.dir ?? path.resolve(config.dir, 'fixtures', 'responses', m.label);
      const rel = path.relative(process.cwd(), dir) || '.';
      if (!existsSync(dir)) return { topic, value: `replay from ${rel}/`, status: 'warn' as const, why: 'the folder does not exist: every item of this model will be an error; record answers into it (`l4d2-eval record`) or fix `dir:`' };
      const answers = readdirSync(dir).filter((f) => f.endsWith('.md')).length;
      const manifest = readManifest(dir);
      const readme = ['README.md', '../README.md'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
      const what = manifest
        ? `recorded answers of ${manifest.model.id} from run ${manifest.runId} (${manifest.runStartedAt.slice(0, 10)})`
        : `sample answers (no manifest from \`l4d2-eval record\`; see ${readme ? path.relative(process.cwd(), readme) : 'fixtures/README.md of l4d2-eval'})`;
      return { topic, value: `replay from ${rel}/: ${answers} answer files, ${what}`, status: answers > 0 ? ('ok' as const) : ('warn' as const) };
    }
    const endpoint = resolveEndpoint(m, env);
    const keyName = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(m.apiKey ?? '${OPENAI_API_KEY}')?.[1];
    const key = endpoint.error ? `${keyName ?? 'the key'} is NOT set` : m.apiKey && !keyName ? 'key written in the config' : `${keyName} is set`;
    // A model without its key is not a broken setup: runs that leave it out work (and those that use it fail loudly).
    return { topic, value: `openai ${m.id} at ${endpoint.baseURL}; ${key}`, status: endpoint.error ? ('warn' as const) : ('ok' as const), ...(endpoint.error ? { why: `${endpoint.error.message}; runs that use ${m.label} fail until then` } : {}) };
  });
}

/** Everything `doctor` reports, in display order. */
export async function diagnose(configFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  lines.push({ topic: 'l4d2-eval', value: `${HARNESS_VERSION} at ${packageRoot()}`, status: 'ok' });
  const major = Number(process.versions.node.split('.')[0]);
  lines.push({ topic: 'node', value: process.version, status: major >= 20 ? 'ok' : 'fail', ...(major >= 20 ? {} : { why: 'l4d2-eval needs Node 20.19 or later' }) });
  let config: Config | undefined;
  const target = path.resolve(configFile ?? DEFAULT_CONFIG_FILE);
  if (!configFile && !existsSync(target)) {
    lines.push({ topic: 'config', value: `none (${DEFAULT_CONFIG_FILE} not found here)`, status: 'fail', why: 'run `l4d2-eval init` to create one, or pass --config FILE' });
  } else {
    try {
      config = loadConfig(configFile);
      lines.push({ topic: 'config', value: config.file, status: 'ok' });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      lines.push({ topic: 'config', value: target, status: 'fail', why: err.message.split('\n').slice(0, 4).join('; ') });
    }
  }
  const compiler = config?.compiler ?? {};
  const spcomp = locateSpcomp(compiler, env);
  if (spcomp.path) {
    const version = await spcompVersion(spcomp.path);
    const from = spcomp.source === 'config' ? 'compiler.spcomp in the config' : spcomp.source === 'env' ? 'the SPCOMP variable' : 'the PATH';
    lines.push({ topic: 'spcomp', value: `${spcomp.path} (version ${version ?? 'unknown'}), found through ${from}`, status: version ? 'ok' : 'warn', ...(version ? {} : { why: 'it did not print a SourcePawn Compiler banner' }) });
  } else if (spcomp.problem) {
    lines.push({ topic: 'spcomp', value: 'not usable', status: 'fail', why: spcomp.problem });
  } else {
    lines.push({ topic: 'spcomp', value: 'not found: answers get the static compile check', status: 'warn', why: 'set SPCOMP (or compiler.spcomp) to spcomp of SourceMod 1.12, or put it on the PATH' });
  }
  const folders = includeFolders(compiler, env);
  lines.push({
    topic: 'includes',
    value: folders.length > 0 ? folders.map((d) => `${d}${existsSync(d) ? '' : ' (missing)'}`).join(', ') : 'none besides spcomp\'s own include folder (compiler.include, SOURCEMOD_INCLUDE)',
    status: folders.every((d) => existsSync(d)) ? 'ok' : 'fail',
  });
  try {
    lines.push({ topic: 'API index', value: config?.apiIndex ? indexLine(readIndex(config.apiIndex), `api.index ${config.apiIndex}`) : indexLine(shippedIndex(), `shipped, ${shippedIndexDir()}`), status: 'ok' });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    lines.push({ topic: 'API index', value: 'not readable', status: 'fail', why: err.message });
  }
  if (config) {
    lines.push(...modelLines(config, env));
    lines.push({ topic: 'cache', value: fileInfo(config.cacheFile), status: 'ok' });
    lines.push({ topic: 'run store', value: fileInfo(config.storeFile), status: 'ok' });
  }
  return lines;
}

/** The report as text, one line per topic (reasons indented below). */
export function renderDoctor(lines: DoctorLine[]): string {
  const mark = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;
  const width = Math.max(...lines.map((l) => l.topic.length));
  return lines.map((l) => `${mark[l.status]}  ${l.topic.padEnd(width)}  ${l.value}${l.why ? `\n      ${' '.repeat(width)}  ${l.why}` : ''}`).join('\n') + '\n';
}
