import { suiteJsonSchema } from '../../suite/json-schema.js';

/** `l4d2-eval schema`: prints the suite JSON Schema. */
export async function schemaCommand(): Promise<number> {
  process.stdout.write(JSON.stringify(suiteJsonSchema(), null, 2) + '\n');
  return 0;
}
