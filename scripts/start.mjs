// `npm start`: build if needed, then serve the production app. Migrations, tokens and
// the startup banner happen inside the server (instrumentation.ts), so a plain
// `next start` in a container behaves the same.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';
import { nextStartArgs } from './next-start-args.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

buildIfNeeded();

const port = process.env.PORT || '3000';
const args = nextStartArgs(port, process.env.HOSTNAME);
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// `npm run demo` starts the dashboard in its own process group (so Ctrl-C stops the demo's
// applications first) and holds this pipe open: if the demo dies without stopping us, the pipe
// closes and the server stops instead of lingering on its port.
if (process.env.FAULTLINE_STOP_WITH_STDIN === '1') {
  process.stdin.on('end', () => child.kill('SIGTERM'));
  process.stdin.resume();
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
