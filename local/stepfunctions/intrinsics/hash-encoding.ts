// Hash and encoding intrinsics: States.Hash, States.Base64Encode, States.Base64Decode.
import { createHash } from 'node:crypto';
import { StatesIntrinsicFailureError } from '../errors/states-errors.js';
import { expectArity, stringArg, type IntrinsicFunction } from './function-types.js';

const ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
const MAX_INPUT = 10_000;

export const hashEncodingFunctions: Record<string, IntrinsicFunction> = {
  'States.Hash': (args) => {
    expectArity('States.Hash', args, 2);
    const data = stringArg('States.Hash', args, 0);
    const algorithm = ALGORITHMS[stringArg('States.Hash', args, 1)];
    if (!algorithm) {
      throw new StatesIntrinsicFailureError(
        `Invalid arguments in States.Hash: the hash algorithm must be one of ${Object.keys(ALGORITHMS).join(', ')}.`,
      );
    }
    if (data.length > MAX_INPUT) throw new StatesIntrinsicFailureError('Invalid arguments in States.Hash: input is too long.');
    return createHash(algorithm).update(data, 'utf8').digest('hex');
  },

  'States.Base64Encode': (args) => {
    expectArity('States.Base64Encode', args, 1);
    return Buffer.from(stringArg('States.Base64Encode', args, 0), 'utf8').toString('base64');
  },

  'States.Base64Decode': (args) => {
    expectArity('States.Base64Decode', args, 1);
    const text = stringArg('States.Base64Decode', args, 0);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
      throw new StatesIntrinsicFailureError('Invalid arguments in States.Base64Decode: input is not valid base64.');
    }
    return Buffer.from(text, 'base64').toString('utf8');
  },
};
