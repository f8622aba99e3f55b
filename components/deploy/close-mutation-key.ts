/**
 * The key of a deployment's close mutation, in a module of its own: the deployments list reads pending closes by it
 * (useMutationState) and must not load the signing stack that the close itself needs.
 */
export const closeMutationKey = (networkId: string, dseq?: string) => (dseq ? ["close-deployment", networkId, dseq] : ["close-deployment", networkId]);
