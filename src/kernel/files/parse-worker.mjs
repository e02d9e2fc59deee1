// The parse worker's entry: a worker thread starts without the parent's TypeScript loader, so it
// registers tsx itself before loading the TypeScript (parse-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
