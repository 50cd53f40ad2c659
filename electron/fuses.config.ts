/**
 * Electron fuses for a packaged build (flipped in the Electron binary by the packaging step, e.g. an
 * electron-builder `afterPack` hook calling `applyFuses(context.electronPlatformName's executable)`):
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a plain Node that runs any script;
 * - NODE_OPTIONS and --inspect off: nobody injects code or attaches a debugger through the environment;
 * - cookies encrypted at rest; file:// without extra privileges (the app uses its own app:// protocol);
 * - the app loads only from app.asar, whose header hash is checked against the one embedded at packaging
 *   (EnableEmbeddedAsarIntegrityValidation), so an edited app.asar does not start.
 * This needs the Electron binary and a packaging step; it is verified where the binary exists (see README).
 * `@electron/fuses` is loaded only then, so this module adds no dependency to development or tests.
 */
export const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>;

interface FusesModule {
  FuseVersion: { V1: string | number };
  FuseV1Options: Record<keyof typeof FUSES, string | number>;
  flipFuses(electronPath: string, config: Record<string | number, unknown>): Promise<unknown>;
}

/** Flips FUSES in the packaged Electron executable (and resets the ad-hoc signature on macOS arm64). */
export async function applyFuses(electronExecutable: string): Promise<void> {
  const name = '@electron/fuses';
  const fuses = (await import(name)) as FusesModule;
  const config: Record<string | number, unknown> = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: process.platform === 'darwin' };
  for (const [option, value] of Object.entries(FUSES)) config[fuses.FuseV1Options[option as keyof typeof FUSES]] = value;
  await fuses.flipFuses(electronExecutable, config);
}
