// Provides AWS's DynamoDB Local jar: fetched once from the npm registry, checked, cached under node_modules.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The jar ships inside this package; installing the package itself would pull ~286 Amplify
// dependencies we never load, so only its `emulator/` folder is unpacked.
const carrier = {
  name: 'amplify-dynamodb-simulator',
  version: '2.9.30',
  integrity: 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
};

/** Where the unpacked emulator lives (a folder holding DynamoDBLocal.jar and DynamoDBLocal_lib/). */
export function emulatorDir(root = process.cwd()): string {
  return resolve(root, 'node_modules', '.cache', 'casework', `dynamodb-local-${carrier.version}`);
}

/** The emulator folder, fetching and unpacking it first when this machine has none yet. */
export async function ensureEmulator(root = process.cwd()): Promise<string> {
  const target = emulatorDir(root);
  if (existsSync(join(target, 'DynamoDBLocal.jar'))) return target;
  const work = await mkdtemp(join(tmpdir(), 'casework-ddb-'));
  try {
    const { stdout } = await run('npm', ['pack', `${carrier.name}@${carrier.version}`, '--pack-destination', work, '--json'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (!packed) throw new Error(`npm pack ${carrier.name}@${carrier.version} returned nothing`);
    const tarball = join(work, packed.filename);
    const digest = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
    if (digest !== carrier.integrity) {
      throw new Error(`${packed.filename} failed its integrity check: expected ${carrier.integrity}, got ${digest}`);
    }
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    await mkdir(resolve(target, '..'), { recursive: true });
    // Rename is atomic: a concurrent fetch either wins or finds the folder already complete.
    await rename(join(work, 'package', 'emulator'), target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(target, 'DynamoDBLocal.jar'))) throw error;
    });
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
