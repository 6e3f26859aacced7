// `npm run build`: install if needed and build everything, even when the stamp says it is fresh.
import { ensureInstalled } from './lib/bootstrap.mjs';
import { ensureBuilt } from './lib/build.mjs';

await ensureInstalled();
await ensureBuilt({ force: true });
