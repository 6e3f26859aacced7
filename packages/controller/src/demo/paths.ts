import { join } from 'node:path';

/** Local repositories served as https://git.wharf.invalid/<name> (the demo's, and any you add). */
export const localGitRoot = (dataDir: string) => join(dataDir, 'demo', 'git');
