// Token counts with the o200k_base encoding (the GPT-4o family used for fine-tuning).
import { getEncoding, type Tiktoken } from 'js-tiktoken';

let encoder: Tiktoken | undefined;

/** Tokens of the example's texts, or a cheap upper bound when it cannot exceed `limit`. */
export function countTokens(texts: readonly string[], limit: number): { tokens: number; exact: boolean } {
  // A token is at least one UTF-8 byte, so the byte count bounds the token count: encoding
  // (several ms per plugin in pure JS) is only needed for examples that might be over the limit.
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  if (bytes <= limit) return { tokens: bytes, exact: false };
  encoder ??= getEncoding('o200k_base');
  const enc = encoder;
  return { tokens: texts.reduce((s, t) => s + enc.encode(t).length, 0), exact: true };
}
