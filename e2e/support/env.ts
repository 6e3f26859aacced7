/** What the global setup exported about the app under test. */
export function e2eEnv(): { url: string; dataDir: string; port: number } {
  const url = process.env.WHARF_E2E_URL;
  const dataDir = process.env.WHARF_E2E_DATA_DIR;
  const port = Number(process.env.WHARF_E2E_PORT);
  if (!url || !dataDir || !port)
    throw new Error('run the e2e specs through playwright (global setup)');
  return { url, dataDir, port };
}
