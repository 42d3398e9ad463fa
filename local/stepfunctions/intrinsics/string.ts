// String intrinsics: States.StringSplit.
import { expectArity, stringArg, type IntrinsicFunction } from './function-types.js';

export const stringFunctions: Record<string, IntrinsicFunction> = {
  'States.StringSplit': (args) => {
    expectArity('States.StringSplit', args, 2);
    const text = stringArg('States.StringSplit', args, 0);
    const delimiters = stringArg('States.StringSplit', args, 1);
    if (delimiters === '') return [...text];
    // Every character of the delimiter string separates tokens; empty tokens are dropped.
    const out: string[] = [];
    let token = '';
    for (const ch of text) {
      if (delimiters.includes(ch)) {
        if (token !== '') out.push(token);
        token = '';
      } else token += ch;
    }
    if (token !== '') out.push(token);
    return out;
  },
};
