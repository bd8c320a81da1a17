import { expect, test } from 'vitest';
import { parseExample } from '../../src/dataset/formats.js';

const chat = (messages: object[]) => JSON.stringify({ messages });

test('chat: system, last user prompt and last assistant answer; content parts are joined', () => {
  const ex = parseExample(chat([
    { role: 'system', content: 'sys' },
    { role: 'user', content: 'first' },
    { role: 'assistant', content: 'a1' },
    { role: 'user', content: [{ type: 'text', text: 'sec' }, { type: 'text', text: 'ond' }] },
    { role: 'assistant', content: 'a2', weight: 1 },
  ]));
  expect(ex).toMatchObject({ format: 'chat', system: 'sys', prompt: 'second', answer: 'a2' });
});

test('chat role order problems are named', () => {
  const codes = [
    chat([{ role: 'user', content: 'q' }]),
    chat([{ role: 'user', content: 'q' }, { role: 'user', content: 'q2' }, { role: 'assistant', content: 'a' }]),
    chat([{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }, { role: 'system', content: 's' }]),
    chat([{ role: 'narrator', content: 'q' }, { role: 'assistant', content: 'a' }]),
  ].map((l) => parseExample(l));
  expect(codes.map((c) => ('code' in c ? c.code : c.format))).toEqual(['no-assistant', 'role-order', 'role-order', 'role-order']);
});

test('batch output: content, finish_reason, failed requests', () => {
  const ok = { custom_id: 'x', response: { status_code: 200, body: { choices: [{ message: { content: 'code' }, finish_reason: 'length' }] } } };
  expect(parseExample(JSON.stringify(ok))).toMatchObject({ format: 'batch', prompt: null, answer: 'code', finishReason: 'length' });
  expect(parseExample(JSON.stringify({ custom_id: 'x', response: { status_code: 429, body: {} } }))).toMatchObject({ code: 'batch-error' });
  expect(parseExample(JSON.stringify({ custom_id: 'x', response: null, error: { message: 'expired' } }))).toMatchObject({ code: 'batch-error' });
});

test('prompt/completion pairs, malformed and unknown lines', () => {
  expect(parseExample('{"prompt":"p","completion":"c"}')).toMatchObject({ format: 'completion', system: null, prompt: 'p', answer: 'c' });
  expect(parseExample('{"prompt":')).toMatchObject({ code: 'malformed-json' });
  expect(parseExample('{"text":"hi"}')).toMatchObject({ code: 'unknown-format' });
  expect(parseExample('"just a string"')).toMatchObject({ code: 'unknown-format' });
});
