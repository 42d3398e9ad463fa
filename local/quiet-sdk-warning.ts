// Preloaded by npm scripts: drops the AWS SDK's notice that Node 20 support ends in 2027 (Lambda already runs
// nodejs22.x) and lets every other warning through.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
