import { io } from '../../core/io.js';
import { diagnose, renderDoctor } from '../../adopt/doctor.js';
import type { ParsedFlags } from '../args.js';

/** `l4d2-eval doctor`: exit 0 when everything a run needs is there, 2 when something is missing (each line says why). */
export async function doctorCommand(values: ParsedFlags, _positionals: string[]): Promise<number> {
  const lines = await diagnose(values.config as string | undefined);
  io.stdout.write(values.json === true ? `${JSON.stringify(lines, null, 2)}\n` : renderDoctor(lines));
  return lines.some((l) => l.status === 'fail') ? 2 : 0;
}
