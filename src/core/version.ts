import { readFileSync } from 'node:fs';
import { packageRoot } from './paths.js';

/** The harness version from package.json, recorded in every run. */
export const HARNESS_VERSION: string = (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
