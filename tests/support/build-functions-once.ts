import { buildFunctions } from '../../scripts/build-functions';

/** Integration tests run the real bundles: build them once per run. */
export default async function setup(): Promise<void> {
  await buildFunctions();
}
