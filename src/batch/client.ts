// The Batch API calls the harness makes: upload a request file, create a batch, read its state,
// download its output. Endpoint, key and headers resolve exactly as for direct requests.
import OpenAI, { toFile } from 'openai';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS, resolveEndpoint } from '../providers/openai.js';

/** The state of one batch as the API reports it. */
export interface BatchState {
  id: string;
  status: OpenAI.Batches.Batch['status'];
  total: number;
  completed: number;
  failed: number;
  outputFileId?: string;
  errorFileId?: string;
}

/** States after which the batch will not change any more. */
export const TERMINAL = new Set<BatchState['status']>(['completed', 'failed', 'expired', 'cancelled']);

/** A model's Batch API client; a missing key is a user error naming the variable. */
export class BatchClient {
  private readonly client: OpenAI;
  /** Cache scope of the endpoint, the same as the direct provider's so batch answers fill the same cache. */
  readonly cacheScope: string;

  constructor(readonly model: ModelConfig) {
    if (model.provider !== 'openai') throw new UserError('E_BATCH', `model ${model.label} uses provider ${model.provider}: the Batch API is for openai models only`, 'choose openai models with --models, or run without --batch');
    const endpoint = resolveEndpoint(model);
    if (endpoint.error) throw new UserError('E_BATCH', endpoint.error.message);
    this.cacheScope = `openai ${endpoint.baseURL}`;
    this.client = new OpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, defaultHeaders: endpoint.headers, timeout: model.timeout_ms ?? DEFAULT_TIMEOUT_MS, maxRetries: 2 });
  }

  /** Uploads the request JSONL and creates the batch; returns the batch and input file ids. */
  async submit(jsonl: string, fileName: string): Promise<{ batchId: string; inputFileId: string }> {
    const file = await this.call('upload the request file', async () => this.client.files.create({ file: await toFile(Buffer.from(jsonl, 'utf8'), fileName), purpose: 'batch' }));
    const batch = await this.call('create the batch', () => this.client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }));
    return { batchId: batch.id, inputFileId: file.id };
  }

  async state(batchId: string): Promise<BatchState> {
    const b = await this.call(`read batch ${batchId}`, () => this.client.batches.retrieve(batchId));
    const c = b.request_counts;
    return { id: b.id, status: b.status, total: c?.total ?? 0, completed: c?.completed ?? 0, failed: c?.failed ?? 0, outputFileId: b.output_file_id ?? undefined, errorFileId: b.error_file_id ?? undefined };
  }

  /** The text of an output or error file. */
  async download(fileId: string): Promise<string> {
    return this.call(`download file ${fileId}`, async () => (await this.client.files.content(fileId)).text());
  }

  /** Turns an API failure into a user error that names the model and the step (never the key). */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const status = err instanceof OpenAI.APIError && err.status ? ` (${err.status})` : '';
      const detail = (err as Error).message.replace(/\s+/g, ' ').slice(0, 200);
      throw new UserError('E_BATCH', `model ${this.model.label}: could not ${what}${status}: ${detail}`, 'nothing was lost: the run and its batches are in the store; try again');
    }
  }
}
