// What the benches read of the processes they measure: this process's peak heap (sampled), and DynamoDB Local's JVM
// (found among this process's children, since its launcher does not hand out the pid) from /proc.
import { readFileSync, readdirSync } from 'node:fs';

let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 25);
sampler.unref();

/** The highest heap use sampled so far (every 25 ms). */
export const peakHeapUsed = (): number => peakHeap;

/** The DynamoDB Local JVM among this process's children, if it runs as one. */
export function dynamoDbLocalPid(): number | undefined {
  try {
    const children = readdirSync(`/proc/${process.pid}/task`).flatMap((t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean));
    return children.map(Number).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar'));
  } catch {
    return undefined;
  }
}

export { vm } from '../../local/runtime/process-usage.js';
