// Reads one JSONL line as a training example: chat fine-tune, Batch API output or prompt/completion.
import type { Example, Reason } from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Message content as text: a string, or the text parts of a content array. */
function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
  }
  return content === null || content === undefined ? '' : null;
}

const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** The role order OpenAI fine-tuning expects: system first only, then a user turn, answers after users. */
function roleOrderProblem(roles: string[]): string | null {
  const unknown = roles.find((r) => !KNOWN_ROLES.has(r));
  if (unknown !== undefined) return `unknown role "${unknown}"`;
  let i = 0;
  while (roles[i] === 'system' || roles[i] === 'developer') i++;
  if (roles.slice(i).some((r) => r === 'system' || r === 'developer')) return 'system message after the conversation started';
  if (roles[i] !== 'user') return `first message after the system prompt is "${roles[i] ?? 'nothing'}", expected "user"`;
  for (let k = i + 1; k < roles.length; k++) {
    const [prev, cur] = [roles[k - 1], roles[k]];
    if (prev === cur && (cur === 'user' || cur === 'assistant')) return `two "${cur}" messages in a row (messages ${k} and ${k + 1})`;
  }
  if (roles[roles.length - 1] !== 'assistant') return `last message is "${roles[roles.length - 1]}", expected "assistant"`;
  return null;
}

function chatExample(messages: unknown[]): Example | Reason {
  const parsed: { role: string; text: string | null }[] = [];
  for (const [i, m] of messages.entries()) {
    if (!isObject(m) || typeof m.role !== 'string') return { code: 'unknown-format', message: `messages[${i}] has no role` };
    parsed.push({ role: m.role, text: contentText(m.content) });
  }
  const lastAssistant = parsed.map((m) => m.role).lastIndexOf('assistant');
  if (lastAssistant === -1) return { code: 'no-assistant', message: 'no assistant message to judge' };
  const problem = roleOrderProblem(parsed.map((m) => m.role));
  if (problem) return { code: 'role-order', message: `wrong role order: ${problem}` };
  const bad = parsed.findIndex((m) => m.text === null);
  if (bad !== -1) return { code: 'unknown-format', message: `messages[${bad}].content is neither text nor text parts` };
  const lastUser = parsed.slice(0, lastAssistant).map((m) => m.role).lastIndexOf('user');
  const system = parsed.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => m.text).join('\n');
  return {
    format: 'chat',
    system,
    prompt: parsed[lastUser]?.text ?? null,
    answer: parsed[lastAssistant]?.text ?? '',
    texts: parsed.map((m) => m.text ?? ''),
  };
}

function batchExample(obj: Json): Example | Reason {
  const response = obj.response;
  if (obj.error != null && !isObject(response)) return { code: 'batch-error', message: `batch request failed: ${JSON.stringify(obj.error).slice(0, 200)}` };
  if (!isObject(response)) return { code: 'batch-error', message: 'batch line has no response' };
  const status = response.status_code;
  if (typeof status === 'number' && status !== 200) return { code: 'batch-error', message: `batch request failed with HTTP ${status}` };
  const body = response.body;
  const choice = isObject(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isObject(choice)) return { code: 'no-assistant', message: 'batch response has no choices' };
  const message = choice.message;
  const text = isObject(message) ? contentText(message.content) : null;
  if (text === null) return { code: 'no-assistant', message: 'batch response choice has no message content' };
  const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined;
  return { format: 'batch', system: null, prompt: null, answer: text, finishReason, texts: [text] };
}

/** Parses a line (already known to be non-blank) into an example, or the reason it cannot be judged. */
export function parseExample(text: string): Example | Reason {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    return { code: 'malformed-json', message: `malformed JSON: ${(err as Error).message}` };
  }
  if (!isObject(obj)) return { code: 'unknown-format', message: 'the line is JSON but not an object' };
  if (Array.isArray(obj.messages)) return chatExample(obj.messages);
  if ('custom_id' in obj && ('response' in obj || 'error' in obj)) return batchExample(obj);
  if (typeof obj.prompt === 'string' && 'completion' in obj) {
    if (typeof obj.completion !== 'string') return { code: 'no-assistant', message: 'completion is not text' };
    return { format: 'completion', system: null, prompt: obj.prompt, answer: obj.completion, texts: [obj.prompt, obj.completion] };
  }
  return { code: 'unknown-format', message: 'not a chat ({"messages": [...]}), batch output ({"custom_id", "response"}) or {"prompt", "completion"} line' };
}

/** True when a parse result is a reason (the line cannot be judged). */
export function isReason(v: Example | Reason): v is Reason {
  return 'code' in v;
}
