// The embedded Kubernetes-compatible API server. See README.md in this package.
export {};
