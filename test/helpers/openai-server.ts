// The loopback OpenAI server lives in bench/ so the compiled benchmark can use it too.
export * from '../../bench/openai-server.js';
