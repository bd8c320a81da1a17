// The multicolors chat stocks: a third-party include many L4D2 plugins use (`#include <multicolors>`), which the
// shipped index (generated from SourceMod and Left4DHooks includes) does not cover.
import { define } from './notation.js';

const stocks = [
  'void CPrintToChat(client:int, message:char[], ...)',
  'void CPrintToChatAll(message:char[], ...)',
  'void CPrintToChatEx(client:int, author:int, message:char[], ...)',
  'void CPrintToChatAllEx(author:int, message:char[], ...)',
  'void CReplyToCommand(client:int, message:char[], ...)',
  'void CShowActivity2(client:int, tag:char[], message:char[], ...)',
  'void CRemoveTags(message:char[], maxlength:int)',
  'void CSkipNextClient(client:int)',
];

/** multicolors stocks. */
export const multicolorsStocks = define('stock', 'multicolors', stocks);
