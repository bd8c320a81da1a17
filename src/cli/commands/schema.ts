import { io } from '../../core/io.js';
import { suiteJsonSchema } from '../../suite/json-schema.js';

/** `l4d2-eval schema`: prints the suite JSON Schema. */
export async function schemaCommand(): Promise<number> {
  io.stdout.write(JSON.stringify(suiteJsonSchema(), null, 2) + '\n');
  return 0;
}
