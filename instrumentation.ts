// Next.js start-up hook: prepares the database and tokens before the server takes
// requests (Node.js runtime only; never during `next build`).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServerOrExit } = await import('./lib/server/prepare-server');
  await prepareServerOrExit();
}
