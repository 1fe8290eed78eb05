// The emulated clusters (https://{cluster_id}.voiso.com) and which contact center each one serves.

export type ClusterId = 'acme' | 'globex' | 'acme-staging';
export type ContactCenterId = 'acme' | 'globex' | 'acme-staging';
export type VoisoEnvironment = 'production' | 'staging';

export interface ClusterDefinition {
  id: ClusterId;
  contactCenter: ContactCenterId;
  environment: VoisoEnvironment;
}

export const voisoClusters: Readonly<Record<ClusterId, ClusterDefinition>> = {
  acme: { id: 'acme', contactCenter: 'acme', environment: 'production' },
  globex: { id: 'globex', contactCenter: 'globex', environment: 'production' },
  'acme-staging': { id: 'acme-staging', contactCenter: 'acme-staging', environment: 'staging' },
};

export const clusterIds: readonly ClusterId[] = ['acme', 'globex', 'acme-staging'];
