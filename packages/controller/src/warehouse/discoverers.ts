import type {
  ChartDiscoveryResult,
  ChartSubscription,
  GitDiscoveryResult,
  GitSubscription,
  ImageDiscoveryResult,
  ImageSubscription,
} from '@wharf/shared';
import type { CredentialType, FindCredentials } from '../credentials/credentials.js';
import { gitAccess } from '../git/credentials.js';
import { discoverCommits } from '../git/discover.js';
import { explainGitFailure } from '../git/credentials.js';
import { discoverChartVersions } from '../helm/chart-discovery.js';
import { discoverImages } from '../registry/image-discovery.js';
import { DigestCache } from '../registry/image-metadata.js';

/** What a Warehouse subscription of each kind discovers, with the project's credentials. */
export interface Discoverers {
  git(ns: string, sub: GitSubscription): Promise<GitDiscoveryResult>;
  image(ns: string, sub: ImageSubscription): Promise<ImageDiscoveryResult>;
  chart(ns: string, sub: ChartSubscription): Promise<ChartDiscoveryResult>;
}

const noCredentials = (type: CredentialType, ns: string, url: string) =>
  `no Secret labelled kargo.akuity.io/cred-type=${type} in project "${ns}" matches ${url}; add ${type} credentials for it`;

export function makeDiscoverers(
  findCredentials: FindCredentials,
  gitCacheDir: string,
  localGitRoot: string,
): Discoverers {
  const digests = new DigestCache();
  return {
    async git(ns, sub) {
      const access = await gitAccess(findCredentials, ns, sub.repoURL, localGitRoot, sub);
      const commits = await discoverCommits(gitCacheDir, sub, access.env).catch((err: unknown) => {
        throw explainGitFailure(err, sub.repoURL, ns, access);
      });
      return { repoURL: sub.repoURL, commits };
    },
    async image(ns, sub) {
      const creds = await findCredentials(ns, 'image', sub.repoURL);
      return discoverImages(sub, creds, digests, noCredentials('image', ns, sub.repoURL));
    },
    async chart(ns, sub) {
      const creds = await findCredentials(ns, 'helm', sub.repoURL);
      return discoverChartVersions(sub, creds, noCredentials('helm', ns, sub.repoURL));
    },
  };
}
