import { CHROME_BUILD, FIREFOX_BUILD, chromiumPath, firefoxPath, requireBuild } from './browsers';

/** Fails the whole run at once, with the fix, when a browser or a build is missing. */
export default function globalSetup(): void {
  chromiumPath();
  firefoxPath();
  requireBuild(CHROME_BUILD);
  requireBuild(FIREFOX_BUILD);
}
