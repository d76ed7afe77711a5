/**
 * What a build bakes in, from environment variables at build time
 * (QORGAN_REGISTRY_URL, QORGAN_TRUSTED_KEYS, QORGAN_REPORT_URL; see README).
 */
declare const __QORGAN_BUILD__: {
  registryUrl: string;
  trustedKeys: string;
  reportUrl: string;
};

export const BUILD_CONFIG = {
  registryUrl: __QORGAN_BUILD__.registryUrl.trim() || null,
  trustedKeys: __QORGAN_BUILD__.trustedKeys
    .split(/[\s,]+/)
    .map((key) => key.trim())
    .filter((key) => key !== ''),
  reportUrl: __QORGAN_BUILD__.reportUrl.trim() || null,
};
