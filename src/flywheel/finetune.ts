// The fine-tuning calls `finetune` makes: upload the training file, create the job, read it and its events,
// cancel it. Endpoint, key and headers resolve exactly as for the `--from` model's chat requests.
import OpenAI, { toFile } from 'openai';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS, resolveEndpoint } from '../providers/openai.js';

/** A job's state as the API reports it. */
export interface JobState {
  id: string;
  status: 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  model: string;
  fineTunedModel: string | null;
  trainingFile: string;
  error: { code: string; message: string; param: string | null } | null;
  trainedTokens: number | null;
}

/** One event of a job (oldest first once listed by `events`). */
export interface JobEvent {
  id: string;
  createdAt: number;
  level: string;
  message: string;
}

/** States after which a job does not change any more. */
export const JOB_TERMINAL = new Set<JobState['status']>(['succeeded', 'failed', 'cancelled']);

/** What a job is created with. */
export interface JobRequest {
  trainingFileId: string;
  validationFileId?: string;
  baseModel: string;
  suffix?: string;
  epochs?: number;
}

function state(j: OpenAI.FineTuning.Jobs.FineTuningJob): JobState {
  return {
    id: j.id,
    status: j.status,
    model: j.model,
    fineTunedModel: j.fine_tuned_model ?? null,
    trainingFile: j.training_file,
    error: j.error ? { code: j.error.code, message: j.error.message, param: j.error.param ?? null } : null,
    trainedTokens: j.trained_tokens ?? null,
  };
}

/** The fine-tuning client of one configured `openai` model. */
export class FineTuneClient {
  private readonly client: OpenAI;
  readonly baseURL: string;

  constructor(readonly model: ModelConfig) {
    if (model.provider !== 'openai') {
      throw new UserError('E_FINETUNE', `model ${model.label} uses provider ${model.provider}: fine-tuning goes through an openai model's connection`, `give --from a label with \`provider: openai\` (its baseURL and key are used for the upload and the job)`);
    }
    const endpoint = resolveEndpoint(model);
    if (endpoint.error) throw new UserError('E_FINETUNE', endpoint.error.message, 'the key is read from the environment and never written to any file');
    this.baseURL = endpoint.baseURL;
    this.client = new OpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, defaultHeaders: endpoint.headers, timeout: model.timeout_ms ?? DEFAULT_TIMEOUT_MS, maxRetries: 2 });
  }

  /** Uploads a JSONL file with `purpose: fine-tune`; returns its file id. */
  async upload(content: Buffer, fileName: string): Promise<string> {
    const f = await this.call(`upload ${fileName}`, async () => this.client.files.create({ file: await toFile(content, fileName), purpose: 'fine-tune' }));
    return f.id;
  }

  async create(r: JobRequest): Promise<JobState> {
    const job = await this.call('create the fine-tuning job', () =>
      this.client.fineTuning.jobs.create({
        training_file: r.trainingFileId,
        model: r.baseModel,
        ...(r.validationFileId ? { validation_file: r.validationFileId } : {}),
        ...(r.suffix ? { suffix: r.suffix } : {}),
        ...(r.epochs !== undefined ? { hyperparameters: { n_epochs: r.epochs } } : {}),
      }),
    );
    return state(job);
  }

  async retrieve(jobId: string): Promise<JobState> {
    return state(await this.call(`read job ${jobId}`, () => this.client.fineTuning.jobs.retrieve(jobId)));
  }

  /** Events newer than `afterId` (all when undefined), oldest first. */
  async events(jobId: string, afterId?: string): Promise<JobEvent[]> {
    return this.call(`read the events of job ${jobId}`, async () => {
      const out: JobEvent[] = [];
      // Listed newest first: read pages until the last event already seen.
      for await (const e of this.client.fineTuning.jobs.listEvents(jobId, { limit: 100 })) {
        if (e.id === afterId) break;
        out.push({ id: e.id, createdAt: e.created_at, level: e.level, message: e.message });
        if (out.length >= 1000) break;
      }
      return out.reverse();
    });
  }

  async cancel(jobId: string): Promise<JobState> {
    return state(await this.call(`cancel job ${jobId}`, () => this.client.fineTuning.jobs.cancel(jobId)));
  }

  /** Turns an API failure into a user error naming the model and the step (never the key). */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof UserError) throw err;
      const status = err instanceof OpenAI.APIError && err.status ? ` (${err.status})` : '';
      const detail = (err as Error).message.replace(/\s+/g, ' ').slice(0, 300);
      throw new UserError('E_FINETUNE', `model ${this.model.label} at ${this.baseURL}: could not ${what}${status}: ${detail}`, 'check the base URL and the key of the --from model; a job already created is in the store (`l4d2-eval finetune status`)');
    }
  }
}
