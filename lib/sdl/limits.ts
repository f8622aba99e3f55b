/**
 * Hard limits the console enforces before anything reaches the chain.
 *
 * The resource limits mirror the network's validation config, which every node applies to MsgCreateDeployment:
 * akash-network/chain-sdk go/node/deployment/v1beta4/validation_config.go (unit.Mi / unit.Ti are binary units).
 * A group that breaks them is rejected by the chain after the tenant has signed, so we catch them in the editor.
 */

/** Largest SDL text we parse (UTF-8 bytes). Same limit as the API routes apply to request bodies. */
export const SDL_MAX_BYTES = 1_048_576;

/** CPU per replica, in millicores (`units: 0.01` .. `units: 384`). */
export const CPU_MIN_MILLICORES = 10;
export const CPU_MAX_MILLICORES = 384_000;

/** GPUs per replica. Above 0 the profile must name a vendor (and should name a model). */
export const GPU_MIN_UNITS = 0;
export const GPU_MAX_UNITS = 24;

const MI = 1024 ** 2;
const TI = 1024 ** 4;

/** Memory per replica, in bytes: 1Mi .. 2Ti. */
export const MEMORY_MIN_BYTES = MI;
export const MEMORY_MAX_BYTES = 2 * TI;

/** Each storage volume, in bytes: 5Mi .. 32Ti. */
export const STORAGE_MIN_BYTES = 5 * MI;
export const STORAGE_MAX_BYTES = 32 * TI;

/** Denominations the market accepts for bids since the BME upgrade (AKT and ACT, in micro units). */
export const PRICE_DENOMS = ["uakt", "uact"] as const;

/**
 * Upper bound on the number of nodes after YAML aliases are expanded. js-yaml shares aliased objects, but every
 * later step (schema validation, manifest generation, JSON) walks them as trees, so a "billion laughs" document
 * would hang the worker; real SDLs have a few hundred nodes.
 */
export const SDL_MAX_EXPANDED_NODES = 100_000;
