// Takes the SourcePawn code out of a model answer: fenced blocks, or the whole answer when it is bare code.
import type { ExtractedCode, SourceFile } from './types.js';

/** Fence languages that hold SourcePawn (models often label it c or cpp). */
const CODE_LANGS = new Set(['', 'sourcepawn', 'sp', 'sourcemod', 'pawn', 'c', 'cpp', 'c++', 'inc']);
const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^\n]*$/;
const FILE_HINT = /([\w.-]+\.(?:sp|inc))\b/i;
const FIRST_LINE_NAME = /^\s*\/\/\s*([\w.-]+\.(?:sp|inc))\s*$/i;
const PLUGIN_MARKERS = /\bOnPluginStart\s*\(|\bmyinfo\b/;
const BARE_CODE_MARKERS = /^\s*(#include|#pragma|#define|public\s+\w|void\s+\w+\s*\(|stock\s)/m;

interface Block extends SourceFile {
  startLine: number;
  terminated: boolean;
}

function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const lang = (open[2] ?? '').toLowerCase();
    let end = i + 1;
    while (end < lines.length && !isClosing(lines[end] ?? '', fence)) end++;
    // Markdown often puts a blank line between the file-name heading and its fence.
    let above = i - 1;
    while (above > 0 && (lines[above] ?? '').trim() === '') above--;
    // The name stands above the fence, on it, or in a comment that opens the block (`// l4d2_util.inc`).
    const hint = FILE_HINT.exec(lines[above] ?? '')?.[1] ?? FILE_HINT.exec(lines[i] ?? '')?.[1] ?? FIRST_LINE_NAME.exec(lines[i + 1] ?? '')?.[1];
    blocks.push({
      name: hint ?? '',
      lang,
      code: lines.slice(i + 1, end).join('\n'),
      startLine: i + 2,
      terminated: end < lines.length,
    });
    i = end;
  }
  return blocks;
}

function isClosing(line: string, fence: string): boolean {
  const t = line.trim();
  return t.length >= fence.length && t[0] === fence[0] && /^(`+|~+)$/.test(t);
}

function looksLikeCode(text: string): boolean {
  if (BARE_CODE_MARKERS.test(text)) return true;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const codeish = lines.filter((l) => /[;{}]\s*$/.test(l)).length;
  return lines.length > 0 && codeish / lines.length >= 0.5;
}

/** Extracts the plugin source and its companion files from an answer. Never throws. */
export function extractCode(answer: string): ExtractedCode {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n');
  const blocks = fencedBlocks(lines).filter((b) => CODE_LANGS.has(b.lang) && b.code.trim() !== '');
  const warnings: string[] = [];
  if (blocks.some((b) => !b.terminated)) warnings.push('unterminated code fence: the answer looks truncated');
  if (blocks.length === 0) {
    if (fencedBlocks(lines).length === 0 && looksLikeCode(answer)) {
      return { main: lines.join('\n'), startLine: 1, companions: [], found: 'bare', warnings };
    }
    return { main: '', startLine: 1, companions: [], found: 'none', warnings };
  }
  const main =
    blocks.find((b) => PLUGIN_MARKERS.test(b.code)) ??
    blocks.reduce((a, b) => (b.code.length > a.code.length ? b : a));
  const companions = blocks
    .filter((b) => b !== main)
    .map((b, i) => ({ name: b.name || `companion${i + 1}.inc`, code: b.code, lang: b.lang }));
  return { main: main.code, startLine: main.startLine, companions, found: 'fenced', warnings };
}
