// Typed provider registry: the config's `provider:` names a key here.
import type { ModelConfig } from '../config/schema.js';
import type { Provider } from '../types/provider.js';
import { createOpenAIProvider } from './openai.js';
import { createReplayProvider } from './replay.js';

export const providers = {
  replay: createReplayProvider,
  openai: createOpenAIProvider,
} satisfies Record<ModelConfig['provider'], (model: ModelConfig) => Provider>;

export type ProviderName = keyof typeof providers;

/** Builds the provider for a configured model. */
export function createProvider(model: ModelConfig): Provider {
  return providers[model.provider](model);
}
